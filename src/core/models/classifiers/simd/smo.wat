;; The two scans an SMO step makes over the active cases (smo.ts says what F, I_up and I_low
;; are), compiled so the loops run without bounds checks; the arithmetic is smo.ts's in the same
;; order, so both give the same iterates. The module imports its memory; pointers are byte
;; offsets: K float32 (n × n), F and QD float64, up and low u8 flags, active i32 case numbers.
(module
  (import "env" "memory" (memory 1))

  ;; j: the active I_low case with the largest second-order decrease for i (kernel row at rowI,
  ;; F_i = gmax, K_ii = qdI), or −1; the smallest F over the active I_low cases goes to out.
  (func $selectJ (export "selectJ")
    (param $rowI i32) (param $active i32) (param $na i32) (param $low i32) (param $F i32)
    (param $QD i32) (param $qdI f64) (param $gmax f64) (param $out i32) (result i32)
    (local $a i32) (local $end i32) (local $t i32) (local $j i32) (local $t8 i32)
    (local $f f64) (local $gd f64) (local $q f64) (local $obj f64) (local $objMin f64)
    (local $lowMin f64)
    (local.set $j (i32.const -1))
    (local.set $objMin (f64.const inf))
    (local.set $lowMin (f64.const inf))
    (local.set $end (i32.add (local.get $active) (i32.shl (local.get $na) (i32.const 2))))
    (local.set $a (local.get $active))
    (block $done
      (loop $scan
        (br_if $done (i32.ge_u (local.get $a) (local.get $end)))
        (local.set $t (i32.load (local.get $a)))
        (local.set $a (i32.add (local.get $a) (i32.const 4)))
        (br_if $scan (i32.eqz (i32.load8_u (i32.add (local.get $low) (local.get $t)))))
        (local.set $t8 (i32.shl (local.get $t) (i32.const 3)))
        (local.set $f (f64.load (i32.add (local.get $F) (local.get $t8))))
        (if (f64.lt (local.get $f) (local.get $lowMin)) (then (local.set $lowMin (local.get $f))))
        (local.set $gd (f64.sub (local.get $gmax) (local.get $f)))
        (br_if $scan (i32.eqz (f64.gt (local.get $gd) (f64.const 0))))
        (local.set $q (f64.sub
          (f64.add (local.get $qdI) (f64.load (i32.add (local.get $QD) (local.get $t8))))
          (f64.mul (f64.const 2) (f64.promote_f32 (f32.load
            (i32.add (local.get $rowI) (i32.shl (local.get $t) (i32.const 2))))))))
        (if (i32.eqz (f64.gt (local.get $q) (f64.const 0)))
          (then (local.set $q (f64.const 1e-12))))
        (local.set $obj (f64.div (f64.neg (f64.mul (local.get $gd) (local.get $gd))) (local.get $q)))
        (if (f64.le (local.get $obj) (local.get $objMin))
          (then
            (local.set $j (local.get $t))
            (local.set $objMin (local.get $obj))))
        (br $scan)))
    (f64.store (local.get $out) (local.get $lowMin))
    (local.get $j))

  ;; F_k −= K_ik·dI + K_jk·dJ for the active cases k (kernel rows at rowI and rowJ), and the
  ;; next i: the last active I_up case with the largest new F, or −1.
  (func $update (export "update")
    (param $rowI i32) (param $rowJ i32) (param $active i32) (param $na i32) (param $up i32)
    (param $F i32) (param $dI f64) (param $dJ f64) (result i32)
    (local $a i32) (local $end i32) (local $k i32) (local $k4 i32) (local $p i32)
    (local $f f64) (local $best f64) (local $next i32)
    (local.set $next (i32.const -1))
    (local.set $best (f64.const -inf))
    (local.set $end (i32.add (local.get $active) (i32.shl (local.get $na) (i32.const 2))))
    (local.set $a (local.get $active))
    (block $done
      (loop $scan
        (br_if $done (i32.ge_u (local.get $a) (local.get $end)))
        (local.set $k (i32.load (local.get $a)))
        (local.set $a (i32.add (local.get $a) (i32.const 4)))
        (local.set $k4 (i32.shl (local.get $k) (i32.const 2)))
        (local.set $p (i32.add (local.get $F) (i32.shl (local.get $k) (i32.const 3))))
        (local.set $f (f64.sub (f64.load (local.get $p))
          (f64.add
            (f64.mul (f64.promote_f32 (f32.load (i32.add (local.get $rowI) (local.get $k4))))
              (local.get $dI))
            (f64.mul (f64.promote_f32 (f32.load (i32.add (local.get $rowJ) (local.get $k4))))
              (local.get $dJ)))))
        (f64.store (local.get $p) (local.get $f))
        (if (i32.load8_u (i32.add (local.get $up) (local.get $k)))
          (then
            (if (f64.ge (local.get $f) (local.get $best))
              (then
                (local.set $best (local.get $f))
                (local.set $next (local.get $k))))))
        (br $scan)))
    (local.get $next))
)
