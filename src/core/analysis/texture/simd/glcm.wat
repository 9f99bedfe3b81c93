;; Grey level co-occurrence counting for the four in-plane directions of one slice, in plain
;; (scalar) WebAssembly: no bounds checks in the loop, which the JavaScript version pays for.
;; Levels are u16. Even and odd pixels count into separate tables (summed by the caller), so
;; runs of equal pairs in smooth images do not wait on one memory cell.
;;
;; glcm2d: the usual case, directions (1,0), (1,1), (0,1), (-1,1) at distance 1 and g <= 64,
;; every pair of the slice (its border columns and bottom row too), a band of rows at a time.
;; Its eight tables sit at fixed addresses, slot s = 4 * (pixel parity) + direction at
;; s * 0x4400 (17 KiB, room for 64 * 64 i32; the extra KiB staggers the slots over the L1 cache
;; sets), so each increment is one address computation with a constant offset, and the loop
;; keeps two row pointers instead of eight table bases and four neighbour offsets in registers.
;; glcm2dMatrices then writes the four symmetric matrices as f64.
;;
;; glcm4: any four offsets and any g. Eight tables of g*g i32 follow each other at tab:
;; directions 0..3 for even pixels, then 0..3 for odd ones. Offsets are in elements.
(module
  (memory (export "memory") 1)
  (func (export "glcm4")
    (param $lv i32) (param $tab i32) (param $nx i32) (param $g i32)
    (param $x0 i32) (param $x1 i32) (param $y0 i32) (param $y1 i32)
    (param $e0 i32) (param $e1 i32) (param $e2 i32) (param $e3 i32)
    (local $y i32) (local $i i32) (local $end i32) (local $a i32) (local $c i32)
    (local $p i32) (local $q i32) (local $size i32)
    (local $o0 i32) (local $o1 i32) (local $o2 i32) (local $o3 i32)
    (local $b0 i32) (local $b1 i32) (local $b2 i32) (local $b3 i32)
    (local $t0 i32) (local $t1 i32) (local $t2 i32) (local $t3 i32)
    (local $u0 i32) (local $u1 i32) (local $u2 i32) (local $u3 i32)
    ;; Neighbour offsets in bytes, from the even pixel (o) and from the odd pixel (b = o + 2).
    (local.set $o0 (i32.shl (local.get $e0) (i32.const 1)))
    (local.set $o1 (i32.shl (local.get $e1) (i32.const 1)))
    (local.set $o2 (i32.shl (local.get $e2) (i32.const 1)))
    (local.set $o3 (i32.shl (local.get $e3) (i32.const 1)))
    (local.set $b0 (i32.add (local.get $o0) (i32.const 2)))
    (local.set $b1 (i32.add (local.get $o1) (i32.const 2)))
    (local.set $b2 (i32.add (local.get $o2) (i32.const 2)))
    (local.set $b3 (i32.add (local.get $o3) (i32.const 2)))
    (local.set $size (i32.shl (i32.mul (local.get $g) (local.get $g)) (i32.const 2)))
    (local.set $t0 (local.get $tab))
    (local.set $t1 (i32.add (local.get $t0) (local.get $size)))
    (local.set $t2 (i32.add (local.get $t1) (local.get $size)))
    (local.set $t3 (i32.add (local.get $t2) (local.get $size)))
    (local.set $u0 (i32.add (local.get $t3) (local.get $size)))
    (local.set $u1 (i32.add (local.get $u0) (local.get $size)))
    (local.set $u2 (i32.add (local.get $u1) (local.get $size)))
    (local.set $u3 (i32.add (local.get $u2) (local.get $size)))
    (local.set $y (local.get $y0))
    (block $rowsDone
      (loop $rows
        (br_if $rowsDone (i32.ge_s (local.get $y) (local.get $y1)))
        (local.set $i (i32.add (i32.mul (local.get $y) (local.get $nx)) (local.get $x0)))
        (local.set $end (i32.add (i32.mul (local.get $y) (local.get $nx)) (local.get $x1)))
        (block $pairsDone
          (loop $pairs
            (br_if $pairsDone (i32.ge_s (i32.add (local.get $i) (i32.const 1)) (local.get $end)))
            (local.set $a (i32.add (local.get $lv) (i32.shl (local.get $i) (i32.const 1))))
            ;; Row offsets into the tables: level * g, in bytes.
            (local.set $p (i32.shl (i32.mul (i32.load16_u (local.get $a)) (local.get $g)) (i32.const 2)))
            (local.set $q (i32.shl (i32.mul (i32.load16_u offset=2 (local.get $a)) (local.get $g)) (i32.const 2)))
              (local.set $c (i32.add (local.get $t0) (i32.add (local.get $p)
                (i32.shl (i32.load16_u (i32.add (local.get $a) (local.get $o0))) (i32.const 2)))))
              (i32.store (local.get $c) (i32.add (i32.load (local.get $c)) (i32.const 1)))
              (local.set $c (i32.add (local.get $t1) (i32.add (local.get $p)
                (i32.shl (i32.load16_u (i32.add (local.get $a) (local.get $o1))) (i32.const 2)))))
              (i32.store (local.get $c) (i32.add (i32.load (local.get $c)) (i32.const 1)))
              (local.set $c (i32.add (local.get $t2) (i32.add (local.get $p)
                (i32.shl (i32.load16_u (i32.add (local.get $a) (local.get $o2))) (i32.const 2)))))
              (i32.store (local.get $c) (i32.add (i32.load (local.get $c)) (i32.const 1)))
              (local.set $c (i32.add (local.get $t3) (i32.add (local.get $p)
                (i32.shl (i32.load16_u (i32.add (local.get $a) (local.get $o3))) (i32.const 2)))))
              (i32.store (local.get $c) (i32.add (i32.load (local.get $c)) (i32.const 1)))
              (local.set $c (i32.add (local.get $u0) (i32.add (local.get $q)
                (i32.shl (i32.load16_u (i32.add (local.get $a) (local.get $b0))) (i32.const 2)))))
              (i32.store (local.get $c) (i32.add (i32.load (local.get $c)) (i32.const 1)))
              (local.set $c (i32.add (local.get $u1) (i32.add (local.get $q)
                (i32.shl (i32.load16_u (i32.add (local.get $a) (local.get $b1))) (i32.const 2)))))
              (i32.store (local.get $c) (i32.add (i32.load (local.get $c)) (i32.const 1)))
              (local.set $c (i32.add (local.get $u2) (i32.add (local.get $q)
                (i32.shl (i32.load16_u (i32.add (local.get $a) (local.get $b2))) (i32.const 2)))))
              (i32.store (local.get $c) (i32.add (i32.load (local.get $c)) (i32.const 1)))
              (local.set $c (i32.add (local.get $u3) (i32.add (local.get $q)
                (i32.shl (i32.load16_u (i32.add (local.get $a) (local.get $b3))) (i32.const 2)))))
              (i32.store (local.get $c) (i32.add (i32.load (local.get $c)) (i32.const 1)))
            (local.set $i (i32.add (local.get $i) (i32.const 2)))
            (br $pairs)))
        (if (i32.lt_s (local.get $i) (local.get $end))
          (then
            (local.set $a (i32.add (local.get $lv) (i32.shl (local.get $i) (i32.const 1))))
            (local.set $p (i32.shl (i32.mul (i32.load16_u (local.get $a)) (local.get $g)) (i32.const 2)))
              (local.set $c (i32.add (local.get $t0) (i32.add (local.get $p)
                (i32.shl (i32.load16_u (i32.add (local.get $a) (local.get $o0))) (i32.const 2)))))
              (i32.store (local.get $c) (i32.add (i32.load (local.get $c)) (i32.const 1)))
              (local.set $c (i32.add (local.get $t1) (i32.add (local.get $p)
                (i32.shl (i32.load16_u (i32.add (local.get $a) (local.get $o1))) (i32.const 2)))))
              (i32.store (local.get $c) (i32.add (i32.load (local.get $c)) (i32.const 1)))
              (local.set $c (i32.add (local.get $t2) (i32.add (local.get $p)
                (i32.shl (i32.load16_u (i32.add (local.get $a) (local.get $o2))) (i32.const 2)))))
              (i32.store (local.get $c) (i32.add (i32.load (local.get $c)) (i32.const 1)))
              (local.set $c (i32.add (local.get $t3) (i32.add (local.get $p)
                (i32.shl (i32.load16_u (i32.add (local.get $a) (local.get $o3))) (i32.const 2)))))
              (i32.store (local.get $c) (i32.add (i32.load (local.get $c)) (i32.const 1)))
))
        (local.set $y (i32.add (local.get $y) (i32.const 1)))
        (br $rows))))

  ;; Every pair of a slice band at lv (u16, rows of nx >= 2 levels): rows [0, rows) with the row
  ;; below them, and when last is 1 the horizontal pairs of row `rows`, the slice's bottom row.
  ;; Adds into the eight slots at 0 .. 8 * 0x4400.
  (func (export "glcm2d")
    (param $lv i32) (param $nx i32) (param $g i32) (param $rows i32) (param $last i32)
    (local $y i32) (local $a i32) (local $b i32) (local $end i32) (local $end2 i32)
    (local $g4 i32) (local $p i32) (local $c i32)
    (local $v0 i32) (local $v1 i32) (local $v2 i32)
    (local $w0 i32) (local $w1 i32) (local $w2 i32) (local $w3 i32)
    (local.set $g4 (i32.shl (local.get $g) (i32.const 2)))
    (local.set $y (i32.const 0))
    (block $rowsDone
      (loop $rows
        (br_if $rowsDone (i32.ge_s (local.get $y) (local.get $rows)))
        ;; a: pixel (x, y); b: its (-1,1) neighbour (x - 1, y + 1); both in bytes, from x = 0.
        (local.set $a (i32.add (local.get $lv)
          (i32.shl (i32.mul (local.get $y) (local.get $nx)) (i32.const 1))))
        (local.set $b (i32.add (local.get $a)
          (i32.shl (i32.sub (local.get $nx) (i32.const 1)) (i32.const 1))))
        ;; x = 0 has no (-1,1) neighbour.
        (local.set $p (i32.mul (i32.load16_u (local.get $a)) (local.get $g4)))
        (local.set $c (i32.add (local.get $p) (i32.shl (i32.load16_u offset=2 (local.get $a)) (i32.const 2))))
        (i32.store offset=0 (local.get $c) (i32.add (i32.load offset=0 (local.get $c)) (i32.const 1)))
        (local.set $c (i32.add (local.get $p) (i32.shl (i32.load16_u offset=4 (local.get $b)) (i32.const 2))))
        (i32.store offset=17408 (local.get $c) (i32.add (i32.load offset=17408 (local.get $c)) (i32.const 1)))
        (local.set $c (i32.add (local.get $p) (i32.shl (i32.load16_u offset=2 (local.get $b)) (i32.const 2))))
        (i32.store offset=34816 (local.get $c) (i32.add (i32.load offset=34816 (local.get $c)) (i32.const 1)))
        (local.set $a (i32.add (local.get $a) (i32.const 2)))
        (local.set $b (i32.add (local.get $b) (i32.const 2)))
        ;; x in [1, nx - 1), two pixels a step: v0 v1 v2 along row y, w0..w3 along row y + 1
        ;; from x - 1. Even pixels count into slots 0..3, odd ones into 4..7.
        (local.set $end (i32.add (local.get $a)
          (i32.shl (i32.sub (local.get $nx) (i32.const 2)) (i32.const 1))))
        (local.set $end2 (i32.sub (local.get $end) (i32.const 2)))
        (block $pairsDone
          (loop $pairs
            (br_if $pairsDone (i32.ge_u (local.get $a) (local.get $end2)))
            (local.set $v0 (i32.load16_u (local.get $a)))
            (local.set $v1 (i32.load16_u offset=2 (local.get $a)))
            (local.set $v2 (i32.load16_u offset=4 (local.get $a)))
            (local.set $w0 (i32.load16_u (local.get $b)))
            (local.set $w1 (i32.load16_u offset=2 (local.get $b)))
            (local.set $w2 (i32.load16_u offset=4 (local.get $b)))
            (local.set $w3 (i32.load16_u offset=6 (local.get $b)))
            ;; Directions: right, down-right, down, down-left.
            (local.set $p (i32.mul (local.get $v0) (local.get $g4)))
            (local.set $c (i32.add (local.get $p) (i32.shl (local.get $v1) (i32.const 2))))
            (i32.store offset=0 (local.get $c) (i32.add (i32.load offset=0 (local.get $c)) (i32.const 1)))
            (local.set $c (i32.add (local.get $p) (i32.shl (local.get $w2) (i32.const 2))))
            (i32.store offset=17408 (local.get $c) (i32.add (i32.load offset=17408 (local.get $c)) (i32.const 1)))
            (local.set $c (i32.add (local.get $p) (i32.shl (local.get $w1) (i32.const 2))))
            (i32.store offset=34816 (local.get $c) (i32.add (i32.load offset=34816 (local.get $c)) (i32.const 1)))
            (local.set $c (i32.add (local.get $p) (i32.shl (local.get $w0) (i32.const 2))))
            (i32.store offset=52224 (local.get $c) (i32.add (i32.load offset=52224 (local.get $c)) (i32.const 1)))
            (local.set $p (i32.mul (local.get $v1) (local.get $g4)))
            (local.set $c (i32.add (local.get $p) (i32.shl (local.get $v2) (i32.const 2))))
            (i32.store offset=69632 (local.get $c) (i32.add (i32.load offset=69632 (local.get $c)) (i32.const 1)))
            (local.set $c (i32.add (local.get $p) (i32.shl (local.get $w3) (i32.const 2))))
            (i32.store offset=87040 (local.get $c) (i32.add (i32.load offset=87040 (local.get $c)) (i32.const 1)))
            (local.set $c (i32.add (local.get $p) (i32.shl (local.get $w2) (i32.const 2))))
            (i32.store offset=104448 (local.get $c) (i32.add (i32.load offset=104448 (local.get $c)) (i32.const 1)))
            (local.set $c (i32.add (local.get $p) (i32.shl (local.get $w1) (i32.const 2))))
            (i32.store offset=121856 (local.get $c) (i32.add (i32.load offset=121856 (local.get $c)) (i32.const 1)))
            (local.set $a (i32.add (local.get $a) (i32.const 4)))
            (local.set $b (i32.add (local.get $b) (i32.const 4)))
            (br $pairs)))
        ;; An odd count of inner pixels leaves one, into the even slots.
        (if (i32.lt_u (local.get $a) (local.get $end))
          (then
            (local.set $p (i32.mul (i32.load16_u (local.get $a)) (local.get $g4)))
            (local.set $c (i32.add (local.get $p) (i32.shl (i32.load16_u offset=2 (local.get $a)) (i32.const 2))))
            (i32.store offset=0 (local.get $c) (i32.add (i32.load offset=0 (local.get $c)) (i32.const 1)))
            (local.set $c (i32.add (local.get $p) (i32.shl (i32.load16_u offset=4 (local.get $b)) (i32.const 2))))
            (i32.store offset=17408 (local.get $c) (i32.add (i32.load offset=17408 (local.get $c)) (i32.const 1)))
            (local.set $c (i32.add (local.get $p) (i32.shl (i32.load16_u offset=2 (local.get $b)) (i32.const 2))))
            (i32.store offset=34816 (local.get $c) (i32.add (i32.load offset=34816 (local.get $c)) (i32.const 1)))
            (local.set $c (i32.add (local.get $p) (i32.shl (i32.load16_u (local.get $b)) (i32.const 2))))
            (i32.store offset=52224 (local.get $c) (i32.add (i32.load offset=52224 (local.get $c)) (i32.const 1)))
            (local.set $a (i32.add (local.get $a) (i32.const 2)))
            (local.set $b (i32.add (local.get $b) (i32.const 2)))))
        ;; x = nx - 1 has no right-hand neighbours.
        (local.set $p (i32.mul (i32.load16_u (local.get $a)) (local.get $g4)))
        (local.set $c (i32.add (local.get $p) (i32.shl (i32.load16_u offset=2 (local.get $b)) (i32.const 2))))
        (i32.store offset=34816 (local.get $c) (i32.add (i32.load offset=34816 (local.get $c)) (i32.const 1)))
        (local.set $c (i32.add (local.get $p) (i32.shl (i32.load16_u (local.get $b)) (i32.const 2))))
        (i32.store offset=52224 (local.get $c) (i32.add (i32.load offset=52224 (local.get $c)) (i32.const 1)))
        (local.set $y (i32.add (local.get $y) (i32.const 1)))
        (br $rows)))
    ;; The bottom row: horizontal pairs only.
    (if (local.get $last)
      (then
        (local.set $a (i32.add (local.get $lv)
          (i32.shl (i32.mul (local.get $rows) (local.get $nx)) (i32.const 1))))
        (local.set $end (i32.add (local.get $a)
          (i32.shl (i32.sub (local.get $nx) (i32.const 1)) (i32.const 1))))
        (block $done
          (loop $pixels
            (br_if $done (i32.ge_u (local.get $a) (local.get $end)))
            (local.set $p (i32.mul (i32.load16_u (local.get $a)) (local.get $g4)))
            (local.set $c (i32.add (local.get $p) (i32.shl (i32.load16_u offset=2 (local.get $a)) (i32.const 2))))
            (i32.store offset=0 (local.get $c) (i32.add (i32.load offset=0 (local.get $c)) (i32.const 1)))
            (local.set $a (i32.add (local.get $a) (i32.const 2)))
            (br $pixels))))))

  ;; The symmetric Ng x Ng matrices (f64, Ng = g - 1, level 0 dropped) of the four directions,
  ;; one after another at out: m[r][c] = t[r+1][c+1] + t[c+1][r+1], even and odd slots summed.
  (func (export "glcm2dMatrices") (param $g i32) (param $out i32)
    (local $d i32) (local $r i32) (local $c i32) (local $s i32) (local $u i32) (local $g4 i32)
    (local.set $g4 (i32.shl (local.get $g) (i32.const 2)))
    (block $dirsDone
      (loop $dirs
        (br_if $dirsDone (i32.ge_u (local.get $d) (i32.const 4)))
        (local.set $r (i32.const 1))
        (block $rowsDone
          (loop $rows
            (br_if $rowsDone (i32.ge_u (local.get $r) (local.get $g)))
            (local.set $c (i32.const 1))
            (block $colsDone
              (loop $cols
                (br_if $colsDone (i32.ge_u (local.get $c) (local.get $g)))
                ;; s: cell (r, c) of direction d's even slot; u: cell (c, r).
                (local.set $s (i32.add (i32.mul (local.get $d) (i32.const 17408))
                  (i32.add (i32.mul (local.get $r) (local.get $g4)) (i32.shl (local.get $c) (i32.const 2)))))
                (local.set $u (i32.add (i32.mul (local.get $d) (i32.const 17408))
                  (i32.add (i32.mul (local.get $c) (local.get $g4)) (i32.shl (local.get $r) (i32.const 2)))))
                (f64.store (local.get $out) (f64.convert_i32_u (i32.add
                  (i32.add (i32.load (local.get $s)) (i32.load offset=69632 (local.get $s)))
                  (i32.add (i32.load (local.get $u)) (i32.load offset=69632 (local.get $u))))))
                (local.set $out (i32.add (local.get $out) (i32.const 8)))
                (local.set $c (i32.add (local.get $c) (i32.const 1)))
                (br $cols)))
            (local.set $r (i32.add (local.get $r) (i32.const 1)))
            (br $rows)))
        (local.set $d (i32.add (local.get $d) (i32.const 1)))
        (br $dirs))))

  ;; log2 of a positive normal x, to a few ulp: x = m 2^e with m in [sqrt(1/2), sqrt(2)), and
  ;; ln m = 2 atanh(s), s = (m - 1) / (m + 1), |s| < 0.172, by its series to s^21.
  (func $log2 (export "log2") (param $x f64) (result f64)
    (local $bits i64) (local $e f64) (local $m f64) (local $s f64) (local $s2 f64)
    (local.set $bits (i64.reinterpret_f64 (local.get $x)))
    (local.set $e (f64.convert_i64_s (i64.sub
      (i64.shr_u (local.get $bits) (i64.const 52)) (i64.const 1023))))
    (local.set $m (f64.reinterpret_i64 (i64.or
      (i64.and (local.get $bits) (i64.const 0x000fffffffffffff))
      (i64.const 0x3ff0000000000000))))
    (if (f64.gt (local.get $m) (f64.const 1.4142135623730951))
      (then
        (local.set $m (f64.mul (local.get $m) (f64.const 0.5)))
        (local.set $e (f64.add (local.get $e) (f64.const 1)))))
    (local.set $s (f64.div (f64.sub (local.get $m) (f64.const 1)) (f64.add (local.get $m) (f64.const 1))))
    (local.set $s2 (f64.mul (local.get $s) (local.get $s)))
    (f64.add (local.get $e)
      (f64.mul (f64.mul (local.get $s) (f64.const 2.8853900817779268)) ;; 2 / ln 2
        (f64.add (f64.const 1) (f64.mul (local.get $s2)
        (f64.add (f64.const 0.3333333333333333) (f64.mul (local.get $s2)
        (f64.add (f64.const 0.2) (f64.mul (local.get $s2)
        (f64.add (f64.const 0.14285714285714285) (f64.mul (local.get $s2)
        (f64.add (f64.const 0.1111111111111111) (f64.mul (local.get $s2)
        (f64.add (f64.const 0.09090909090909091) (f64.mul (local.get $s2)
        (f64.add (f64.const 0.07692307692307693) (f64.mul (local.get $s2)
        (f64.add (f64.const 0.06666666666666667) (f64.mul (local.get $s2)
        (f64.add (f64.const 0.058823529411764705) (f64.mul (local.get $s2)
        (f64.add (f64.const 0.05263157894736842) (f64.mul (local.get $s2)
        (f64.const 0.047619047619047616))))))))))))))))))))))))

  ;; The passes of glcmFeatures over the cells of a symmetric ng x ng count matrix (f64 at m,
  ;; scaled by 1 / its total), for the features of glcmFeatures.ts. Adds p_x, p_{x-y} and p_{x+y} (index
  ;; i + j - 2) into px, pd, ps, writes log2 p_x to lx, and at out: joint maximum, ASM,
  ;; autocorrelation, joint entropy, mean, HX, HXY1, HXY2 and the correlation numerator.
  (func (export "glcmCells")
    (param $m i32) (param $ng i32)
    (param $px i32) (param $pd i32) (param $ps i32) (param $lx i32) (param $out i32)
    (local $r i32) (local $c i32) (local $at i32) (local $p f64) (local $q f64) (local $n f64)
    (local $rowSum f64) (local $max f64) (local $asm f64) (local $auto f64) (local $ent f64)
    (local $mu f64) (local $hx f64) (local $hxy1 f64) (local $hxy2 f64) (local $corr f64)
    (local $i f64) (local $di f64) (local $lr f64) (local $lrc f64) (local $pr f64) (local $pc f64)
    (local $d i32) (local $inv f64) (local $total f64)
    ;; The total count, summed in index order, and its inverse.
    (local.set $at (local.get $m))
    (local.set $d (i32.add (local.get $m) (i32.shl (i32.mul (local.get $ng) (local.get $ng)) (i32.const 3))))
    (block $tDone (loop $tLoop
      (br_if $tDone (i32.ge_u (local.get $at) (local.get $d)))
      (local.set $total (f64.add (local.get $total) (f64.load (local.get $at))))
      (local.set $at (i32.add (local.get $at) (i32.const 8)))
      (br $tLoop)))
    (if (f64.gt (local.get $total) (f64.const 0))
      (then (local.set $inv (f64.div (f64.const 1) (local.get $total)))))
    ;; Marginals, joint maximum, ASM, autocorrelation.
    (local.set $r (i32.const 0))
    (block $rDone (loop $rLoop
      (br_if $rDone (i32.ge_u (local.get $r) (local.get $ng)))
      (local.set $i (f64.convert_i32_u (i32.add (local.get $r) (i32.const 1))))
      (local.set $rowSum (f64.const 0))
      (local.set $c (i32.const 0))
      (block $cDone (loop $cLoop
        (br_if $cDone (i32.ge_u (local.get $c) (local.get $ng)))
        (local.set $p (f64.mul (f64.load (i32.add (local.get $m) (i32.shl
          (i32.add (i32.mul (local.get $r) (local.get $ng)) (local.get $c)) (i32.const 3))))
          (local.get $inv)))
        (if (f64.ne (local.get $p) (f64.const 0))
          (then
            (local.set $rowSum (f64.add (local.get $rowSum) (local.get $p)))
            (local.set $d (i32.sub (local.get $r) (local.get $c)))
            (if (i32.lt_s (local.get $d) (i32.const 0))
              (then (local.set $d (i32.sub (i32.const 0) (local.get $d)))))
            (local.set $at (i32.add (local.get $pd) (i32.shl (local.get $d) (i32.const 3))))
            (f64.store (local.get $at) (f64.add (f64.load (local.get $at)) (local.get $p)))
            (local.set $at (i32.add (local.get $ps)
              (i32.shl (i32.add (local.get $r) (local.get $c)) (i32.const 3))))
            (f64.store (local.get $at) (f64.add (f64.load (local.get $at)) (local.get $p)))
            (if (f64.gt (local.get $p) (local.get $max)) (then (local.set $max (local.get $p))))
            (local.set $asm (f64.add (local.get $asm) (f64.mul (local.get $p) (local.get $p))))
            (local.set $auto (f64.add (local.get $auto) (f64.mul (f64.mul (local.get $i)
              (f64.convert_i32_u (i32.add (local.get $c) (i32.const 1)))) (local.get $p))))))
        (local.set $c (i32.add (local.get $c) (i32.const 1)))
        (br $cLoop)))
      (f64.store (i32.add (local.get $px) (i32.shl (local.get $r) (i32.const 3))) (local.get $rowSum))
      (local.set $r (i32.add (local.get $r) (i32.const 1)))
      (br $rLoop)))
    ;; Joint entropy: a cell and its mirror image hold the same count, so one log serves both.
    (local.set $r (i32.const 0))
    (block $rDone (loop $rLoop
      (br_if $rDone (i32.ge_u (local.get $r) (local.get $ng)))
      (local.set $c (local.get $r))
      (block $cDone (loop $cLoop
        (br_if $cDone (i32.ge_u (local.get $c) (local.get $ng)))
        (local.set $n (f64.load (i32.add (local.get $m) (i32.shl
          (i32.add (i32.mul (local.get $r) (local.get $ng)) (local.get $c)) (i32.const 3)))))
        (local.set $q (f64.load (i32.add (local.get $m) (i32.shl
          (i32.add (i32.mul (local.get $c) (local.get $ng)) (local.get $r)) (i32.const 3)))))
        (if (i32.and (f64.eq (local.get $n) (local.get $q)) (i32.ne (local.get $r) (local.get $c)))
          (then
            (if (f64.gt (local.get $n) (f64.const 0))
              (then
                (local.set $p (f64.mul (local.get $n) (local.get $inv)))
                (local.set $ent (f64.sub (local.get $ent) (f64.mul
                  (f64.mul (f64.const 2) (local.get $p)) (call $log2 (local.get $p))))))))
          (else
            (if (f64.gt (local.get $n) (f64.const 0))
              (then
                (local.set $p (f64.mul (local.get $n) (local.get $inv)))
                (local.set $ent (f64.sub (local.get $ent)
                  (f64.mul (local.get $p) (call $log2 (local.get $p)))))))
            (if (i32.and (f64.gt (local.get $q) (f64.const 0)) (i32.ne (local.get $r) (local.get $c)))
              (then
                (local.set $p (f64.mul (local.get $q) (local.get $inv)))
                (local.set $ent (f64.sub (local.get $ent)
                  (f64.mul (local.get $p) (call $log2 (local.get $p)))))))))
        (local.set $c (i32.add (local.get $c) (i32.const 1)))
        (br $cLoop)))
      (local.set $r (i32.add (local.get $r) (i32.const 1)))
      (br $rLoop)))
    ;; Mean and HX (py = px: the matrix is symmetric), log2 p_x.
    (local.set $r (i32.const 0))
    (block $rDone (loop $rLoop
      (br_if $rDone (i32.ge_u (local.get $r) (local.get $ng)))
      (local.set $pr (f64.load (i32.add (local.get $px) (i32.shl (local.get $r) (i32.const 3)))))
      (local.set $mu (f64.add (local.get $mu) (f64.mul
        (f64.convert_i32_u (i32.add (local.get $r) (i32.const 1))) (local.get $pr))))
      (if (f64.gt (local.get $pr) (f64.const 0))
        (then
          (local.set $lr (call $log2 (local.get $pr)))
          (f64.store (i32.add (local.get $lx) (i32.shl (local.get $r) (i32.const 3))) (local.get $lr))
          (local.set $hx (f64.sub (local.get $hx) (f64.mul (local.get $pr) (local.get $lr))))))
      (local.set $r (i32.add (local.get $r) (i32.const 1)))
      (br $rLoop)))
    ;; HXY1, HXY2 with log2(p_x(i) p_y(j)) = log2 p_x(i) + log2 p_x(j); correlation numerator.
    (local.set $r (i32.const 0))
    (block $rDone (loop $rLoop
      (br_if $rDone (i32.ge_u (local.get $r) (local.get $ng)))
      (local.set $pr (f64.load (i32.add (local.get $px) (i32.shl (local.get $r) (i32.const 3)))))
      (if (f64.gt (local.get $pr) (f64.const 0))
        (then
          (local.set $di (f64.sub (f64.convert_i32_u (i32.add (local.get $r) (i32.const 1)))
            (local.get $mu)))
          (local.set $lr (f64.load (i32.add (local.get $lx) (i32.shl (local.get $r) (i32.const 3)))))
          (local.set $c (i32.const 0))
          (block $cDone (loop $cLoop
            (br_if $cDone (i32.ge_u (local.get $c) (local.get $ng)))
            (local.set $pc (f64.load (i32.add (local.get $px) (i32.shl (local.get $c) (i32.const 3)))))
            (local.set $lrc (f64.add (local.get $lr)
              (f64.load (i32.add (local.get $lx) (i32.shl (local.get $c) (i32.const 3))))))
            (if (f64.gt (local.get $pc) (f64.const 0))
              (then (local.set $hxy2 (f64.sub (local.get $hxy2)
                (f64.mul (f64.mul (local.get $pr) (local.get $pc)) (local.get $lrc))))))
            (local.set $p (f64.mul (f64.load (i32.add (local.get $m) (i32.shl
              (i32.add (i32.mul (local.get $r) (local.get $ng)) (local.get $c)) (i32.const 3))))
              (local.get $inv)))
            (if (f64.ne (local.get $p) (f64.const 0))
              (then
                (if (f64.gt (local.get $pc) (f64.const 0))
                  (then (local.set $hxy1 (f64.sub (local.get $hxy1)
                    (f64.mul (local.get $p) (local.get $lrc))))))
                (local.set $corr (f64.add (local.get $corr) (f64.mul (f64.mul (local.get $di)
                  (f64.sub (f64.convert_i32_u (i32.add (local.get $c) (i32.const 1))) (local.get $mu)))
                  (local.get $p))))))
            (local.set $c (i32.add (local.get $c) (i32.const 1)))
            (br $cLoop)))))
      (local.set $r (i32.add (local.get $r) (i32.const 1)))
      (br $rLoop)))
    (f64.store offset=0 (local.get $out) (local.get $max))
    (f64.store offset=8 (local.get $out) (local.get $asm))
    (f64.store offset=16 (local.get $out) (local.get $auto))
    (f64.store offset=24 (local.get $out) (local.get $ent))
    (f64.store offset=32 (local.get $out) (local.get $mu))
    (f64.store offset=40 (local.get $out) (local.get $hx))
    (f64.store offset=48 (local.get $out) (local.get $hxy1))
    (f64.store offset=56 (local.get $out) (local.get $hxy2))
    (f64.store offset=64 (local.get $out) (local.get $corr)))
)
