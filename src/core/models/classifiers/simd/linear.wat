;; WASM SIMD (f64x2) products of a row-major float64 matrix X (rows × cols) with vectors, the
;; passes the classifiers spend their time in: scores X·w, the gradient term Xᵀ·c, and the dot
;; products of pairs of rows (a kernel matrix). The module imports its memory; pointers are byte
;; offsets of float64 arrays (the caller keeps them 8-byte aligned), counts are elements.
(module
  (import "env" "memory" (memory 1))

  ;; out[i] = b + x_i · w for i in [0, rows). Two rows at a time share each load of w; each row
  ;; keeps two f64x2 partial sums (four columns a step), then a scalar tail.
  (func $scores (export "scores")
    (param $x i32) (param $rows i32) (param $cols i32) (param $w i32) (param $b f64)
    (param $out i32)
    (local $i i32) (local $r0 i32) (local $r1 i32) (local $k i32) (local $end4 i32)
    (local $end i32) (local $wv v128) (local $wv2 v128)
    (local $a0 v128) (local $a1 v128) (local $c0 v128) (local $c1 v128)
    (local $s0 f64) (local $s1 f64) (local $wk f64) (local $rowBytes i32)
    (local.set $rowBytes (i32.shl (local.get $cols) (i32.const 3)))
    (local.set $end (local.get $rowBytes))
    (local.set $end4 (i32.and (local.get $rowBytes) (i32.const -32)))
    (block $pairsDone
      (loop $pairs
        (br_if $pairsDone (i32.gt_u (i32.add (local.get $i) (i32.const 2)) (local.get $rows)))
        (local.set $r0 (i32.add (local.get $x) (i32.mul (local.get $i) (local.get $rowBytes))))
        (local.set $r1 (i32.add (local.get $r0) (local.get $rowBytes)))
        (local.set $a0 (v128.const i64x2 0 0))
        (local.set $a1 (v128.const i64x2 0 0))
        (local.set $c0 (v128.const i64x2 0 0))
        (local.set $c1 (v128.const i64x2 0 0))
        (local.set $k (i32.const 0))
        (block $quadsDone
          (loop $quads
            (br_if $quadsDone (i32.ge_u (local.get $k) (local.get $end4)))
            (local.set $wv (v128.load offset=0 (i32.add (local.get $w) (local.get $k))))
            (local.set $wv2 (v128.load offset=16 (i32.add (local.get $w) (local.get $k))))
            (local.set $a0 (f64x2.add (local.get $a0) (f64x2.mul (local.get $wv)
              (v128.load offset=0 (i32.add (local.get $r0) (local.get $k))))))
            (local.set $a1 (f64x2.add (local.get $a1) (f64x2.mul (local.get $wv2)
              (v128.load offset=16 (i32.add (local.get $r0) (local.get $k))))))
            (local.set $c0 (f64x2.add (local.get $c0) (f64x2.mul (local.get $wv)
              (v128.load offset=0 (i32.add (local.get $r1) (local.get $k))))))
            (local.set $c1 (f64x2.add (local.get $c1) (f64x2.mul (local.get $wv2)
              (v128.load offset=16 (i32.add (local.get $r1) (local.get $k))))))
            (local.set $k (i32.add (local.get $k) (i32.const 32)))
            (br $quads)))
        (local.set $a0 (f64x2.add (local.get $a0) (local.get $a1)))
        (local.set $c0 (f64x2.add (local.get $c0) (local.get $c1)))
        (local.set $s0 (f64.add (f64x2.extract_lane 0 (local.get $a0))
          (f64x2.extract_lane 1 (local.get $a0))))
        (local.set $s1 (f64.add (f64x2.extract_lane 0 (local.get $c0))
          (f64x2.extract_lane 1 (local.get $c0))))
        (block $tailDone
          (loop $tail
            (br_if $tailDone (i32.ge_u (local.get $k) (local.get $end)))
            (local.set $wk (f64.load (i32.add (local.get $w) (local.get $k))))
            (local.set $s0 (f64.add (local.get $s0)
              (f64.mul (local.get $wk) (f64.load (i32.add (local.get $r0) (local.get $k))))))
            (local.set $s1 (f64.add (local.get $s1)
              (f64.mul (local.get $wk) (f64.load (i32.add (local.get $r1) (local.get $k))))))
            (local.set $k (i32.add (local.get $k) (i32.const 8)))
            (br $tail)))
        (f64.store (i32.add (local.get $out) (i32.shl (local.get $i) (i32.const 3)))
          (f64.add (local.get $b) (local.get $s0)))
        (f64.store offset=8 (i32.add (local.get $out) (i32.shl (local.get $i) (i32.const 3)))
          (f64.add (local.get $b) (local.get $s1)))
        (local.set $i (i32.add (local.get $i) (i32.const 2)))
        (br $pairs)))
    ;; An odd last row alone.
    (if (i32.lt_u (local.get $i) (local.get $rows))
      (then
        (local.set $r0 (i32.add (local.get $x) (i32.mul (local.get $i) (local.get $rowBytes))))
        (local.set $a0 (v128.const i64x2 0 0))
        (local.set $k (i32.const 0))
        (block $done
          (loop $vec
            (br_if $done (i32.ge_u (local.get $k) (local.get $end4)))
            (local.set $a0 (f64x2.add (local.get $a0)
              (f64x2.mul (v128.load (i32.add (local.get $w) (local.get $k)))
                (v128.load (i32.add (local.get $r0) (local.get $k))))))
            (local.set $a0 (f64x2.add (local.get $a0)
              (f64x2.mul (v128.load offset=16 (i32.add (local.get $w) (local.get $k)))
                (v128.load offset=16 (i32.add (local.get $r0) (local.get $k))))))
            (local.set $k (i32.add (local.get $k) (i32.const 32)))
            (br $vec)))
        (local.set $s0 (f64.add (f64x2.extract_lane 0 (local.get $a0))
          (f64x2.extract_lane 1 (local.get $a0))))
        (block $done1
          (loop $one
            (br_if $done1 (i32.ge_u (local.get $k) (local.get $end)))
            (local.set $s0 (f64.add (local.get $s0)
              (f64.mul (f64.load (i32.add (local.get $w) (local.get $k)))
                (f64.load (i32.add (local.get $r0) (local.get $k))))))
            (local.set $k (i32.add (local.get $k) (i32.const 8)))
            (br $one)))
        (f64.store (i32.add (local.get $out) (i32.shl (local.get $i) (i32.const 3)))
          (f64.add (local.get $b) (local.get $s0))))))

  ;; g[j] += Σ_i c[i] · x[i][j] for j in [0, cols): four rows at a time, so each g pair is read
  ;; and written once per four rows; then the last rows one at a time.
  (func $accumulate (export "accumulate")
    (param $x i32) (param $rows i32) (param $cols i32) (param $c i32) (param $g i32)
    (local $i i32) (local $r0 i32) (local $r1 i32) (local $r2 i32) (local $r3 i32)
    (local $k i32) (local $end2 i32) (local $end i32) (local $rowBytes i32) (local $p i32)
    (local $v0 v128) (local $v1 v128) (local $v2 v128) (local $v3 v128)
    (local $f0 f64) (local $f1 f64) (local $f2 f64) (local $f3 f64)
    (local.set $rowBytes (i32.shl (local.get $cols) (i32.const 3)))
    (local.set $end (local.get $rowBytes))
    (local.set $end2 (i32.and (local.get $rowBytes) (i32.const -16)))
    (block $quadsDone
      (loop $quads
        (br_if $quadsDone (i32.gt_u (i32.add (local.get $i) (i32.const 4)) (local.get $rows)))
        (local.set $r0 (i32.add (local.get $x) (i32.mul (local.get $i) (local.get $rowBytes))))
        (local.set $r1 (i32.add (local.get $r0) (local.get $rowBytes)))
        (local.set $r2 (i32.add (local.get $r1) (local.get $rowBytes)))
        (local.set $r3 (i32.add (local.get $r2) (local.get $rowBytes)))
        (local.set $p (i32.add (local.get $c) (i32.shl (local.get $i) (i32.const 3))))
        (local.set $f0 (f64.load offset=0 (local.get $p)))
        (local.set $f1 (f64.load offset=8 (local.get $p)))
        (local.set $f2 (f64.load offset=16 (local.get $p)))
        (local.set $f3 (f64.load offset=24 (local.get $p)))
        (local.set $v0 (f64x2.splat (local.get $f0)))
        (local.set $v1 (f64x2.splat (local.get $f1)))
        (local.set $v2 (f64x2.splat (local.get $f2)))
        (local.set $v3 (f64x2.splat (local.get $f3)))
        (local.set $k (i32.const 0))
        (block $vecDone
          (loop $vec
            (br_if $vecDone (i32.ge_u (local.get $k) (local.get $end2)))
            (local.set $p (i32.add (local.get $g) (local.get $k)))
            (v128.store (local.get $p) (f64x2.add (v128.load (local.get $p))
              (f64x2.add
                (f64x2.add
                  (f64x2.mul (local.get $v0) (v128.load (i32.add (local.get $r0) (local.get $k))))
                  (f64x2.mul (local.get $v1) (v128.load (i32.add (local.get $r1) (local.get $k)))))
                (f64x2.add
                  (f64x2.mul (local.get $v2) (v128.load (i32.add (local.get $r2) (local.get $k))))
                  (f64x2.mul (local.get $v3) (v128.load (i32.add (local.get $r3) (local.get $k))))))))
            (local.set $k (i32.add (local.get $k) (i32.const 16)))
            (br $vec)))
        (block $tailDone
          (loop $tail
            (br_if $tailDone (i32.ge_u (local.get $k) (local.get $end)))
            (local.set $p (i32.add (local.get $g) (local.get $k)))
            (f64.store (local.get $p) (f64.add (f64.load (local.get $p))
              (f64.add
                (f64.add
                  (f64.mul (local.get $f0) (f64.load (i32.add (local.get $r0) (local.get $k))))
                  (f64.mul (local.get $f1) (f64.load (i32.add (local.get $r1) (local.get $k)))))
                (f64.add
                  (f64.mul (local.get $f2) (f64.load (i32.add (local.get $r2) (local.get $k))))
                  (f64.mul (local.get $f3) (f64.load (i32.add (local.get $r3) (local.get $k))))))))
            (local.set $k (i32.add (local.get $k) (i32.const 8)))
            (br $tail)))
        (local.set $i (i32.add (local.get $i) (i32.const 4)))
        (br $quads)))
    (block $rowsDone
      (loop $row
        (br_if $rowsDone (i32.ge_u (local.get $i) (local.get $rows)))
        (local.set $r0 (i32.add (local.get $x) (i32.mul (local.get $i) (local.get $rowBytes))))
        (local.set $f0 (f64.load (i32.add (local.get $c) (i32.shl (local.get $i) (i32.const 3)))))
        (local.set $k (i32.const 0))
        (block $oneDone
          (loop $one
            (br_if $oneDone (i32.ge_u (local.get $k) (local.get $end)))
            (local.set $p (i32.add (local.get $g) (local.get $k)))
            (f64.store (local.get $p) (f64.add (f64.load (local.get $p))
              (f64.mul (local.get $f0) (f64.load (i32.add (local.get $r0) (local.get $k))))))
            (local.set $k (i32.add (local.get $k) (i32.const 8)))
            (br $one)))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $row))))
)
