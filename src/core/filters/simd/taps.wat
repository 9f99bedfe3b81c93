;; WASM SIMD (f32x4) weighted sum of shifted runs, the one kernel every separable filter pass
;; is made of: a 1D convolution along x is a sum of shifted copies of a padded row, along y a sum
;; of whole rows, along z a sum of whole planes. The module imports its memory (the caller owns
;; every byte: the planes, the offsets and the weights); all pointers are byte offsets.
(module
  (import "env" "memory" (memory 1))

  ;; dst[e] = Σ_u ws[u] · f32 at (base + offs[u] + 4 e), for e in [0, n); with add ≠ 0 the sum
  ;; is added to what dst holds. offs: m i32 byte offsets (may be negative, base + offs[u] is
  ;; not); ws: m f32 weights. Blocks of 16 samples keep four f32x4 accumulators in registers
  ;; while every tap's run is read once, then blocks of 4, then single samples; m may be 0.
  (func $taps (export "taps")
    (param $dst i32) (param $n i32) (param $base i32) (param $offs i32) (param $ws i32)
    (param $m i32) (param $add i32)
    (local $e i32) (local $endB i32) (local $u i32) (local $uEnd i32) (local $p i32)
    (local $k v128) (local $a0 v128) (local $a1 v128) (local $a2 v128) (local $a3 v128)
    (local $s f32)
    (local.set $endB (i32.shl (local.get $n) (i32.const 2)))
    (local.set $uEnd (i32.shl (local.get $m) (i32.const 2)))
    (block $blocksDone
      (loop $blocks
        (br_if $blocksDone (i32.gt_u (i32.add (local.get $e) (i32.const 64)) (local.get $endB)))
        (if (local.get $add)
          (then
            (local.set $p (i32.add (local.get $dst) (local.get $e)))
            (local.set $a0 (v128.load offset=0 (local.get $p)))
            (local.set $a1 (v128.load offset=16 (local.get $p)))
            (local.set $a2 (v128.load offset=32 (local.get $p)))
            (local.set $a3 (v128.load offset=48 (local.get $p))))
          (else
            (local.set $a0 (v128.const i32x4 0 0 0 0))
            (local.set $a1 (v128.const i32x4 0 0 0 0))
            (local.set $a2 (v128.const i32x4 0 0 0 0))
            (local.set $a3 (v128.const i32x4 0 0 0 0))))
        (local.set $u (i32.const 0))
        (block $tapsDone
          (loop $tap
            (br_if $tapsDone (i32.ge_u (local.get $u) (local.get $uEnd)))
            (local.set $p (i32.add (i32.add (local.get $base)
              (i32.load (i32.add (local.get $offs) (local.get $u)))) (local.get $e)))
            (local.set $k (v128.load32_splat (i32.add (local.get $ws) (local.get $u))))
            (local.set $a0 (f32x4.add (local.get $a0)
              (f32x4.mul (local.get $k) (v128.load offset=0 (local.get $p)))))
            (local.set $a1 (f32x4.add (local.get $a1)
              (f32x4.mul (local.get $k) (v128.load offset=16 (local.get $p)))))
            (local.set $a2 (f32x4.add (local.get $a2)
              (f32x4.mul (local.get $k) (v128.load offset=32 (local.get $p)))))
            (local.set $a3 (f32x4.add (local.get $a3)
              (f32x4.mul (local.get $k) (v128.load offset=48 (local.get $p)))))
            (local.set $u (i32.add (local.get $u) (i32.const 4)))
            (br $tap)))
        (local.set $p (i32.add (local.get $dst) (local.get $e)))
        (v128.store offset=0 (local.get $p) (local.get $a0))
        (v128.store offset=16 (local.get $p) (local.get $a1))
        (v128.store offset=32 (local.get $p) (local.get $a2))
        (v128.store offset=48 (local.get $p) (local.get $a3))
        (local.set $e (i32.add (local.get $e) (i32.const 64)))
        (br $blocks)))
    (block $vectorsDone
      (loop $vectors
        (br_if $vectorsDone (i32.gt_u (i32.add (local.get $e) (i32.const 16)) (local.get $endB)))
        (local.set $a0
          (select (v128.load (i32.add (local.get $dst) (local.get $e)))
            (v128.const i32x4 0 0 0 0) (local.get $add)))
        (local.set $u (i32.const 0))
        (block $tapsDone
          (loop $tap
            (br_if $tapsDone (i32.ge_u (local.get $u) (local.get $uEnd)))
            (local.set $p (i32.add (i32.add (local.get $base)
              (i32.load (i32.add (local.get $offs) (local.get $u)))) (local.get $e)))
            (local.set $a0 (f32x4.add (local.get $a0)
              (f32x4.mul (v128.load32_splat (i32.add (local.get $ws) (local.get $u)))
                (v128.load (local.get $p)))))
            (local.set $u (i32.add (local.get $u) (i32.const 4)))
            (br $tap)))
        (v128.store (i32.add (local.get $dst) (local.get $e)) (local.get $a0))
        (local.set $e (i32.add (local.get $e) (i32.const 16)))
        (br $vectors)))
    (block $scalarsDone
      (loop $scalars
        (br_if $scalarsDone (i32.ge_u (local.get $e) (local.get $endB)))
        (local.set $s
          (select (f32.load (i32.add (local.get $dst) (local.get $e)))
            (f32.const 0) (local.get $add)))
        (local.set $u (i32.const 0))
        (block $tapsDone
          (loop $tap
            (br_if $tapsDone (i32.ge_u (local.get $u) (local.get $uEnd)))
            (local.set $p (i32.add (i32.add (local.get $base)
              (i32.load (i32.add (local.get $offs) (local.get $u)))) (local.get $e)))
            (local.set $s (f32.add (local.get $s)
              (f32.mul (f32.load (i32.add (local.get $ws) (local.get $u)))
                (f32.load (local.get $p)))))
            (local.set $u (i32.add (local.get $u) (i32.const 4)))
            (br $tap)))
        (f32.store (i32.add (local.get $dst) (local.get $e)) (local.get $s))
        (local.set $e (i32.add (local.get $e) (i32.const 4)))
        (br $scalars))))
;; Running sums for the mean filter, in float64 so a sum carried along a whole axis does not
  ;; drift: acc (n f64) += sign · src (n f32).
  (func $lineAdd (export "lineAdd") (param $acc i32) (param $src i32) (param $n i32) (param $sign f64)
    (local $end i32) (local $v v128) (local $k v128)
    (local.set $k (f64x2.splat (local.get $sign)))
    (local.set $end (i32.add (local.get $src) (i32.shl (local.get $n) (i32.const 2))))
    (block $vectorsDone
      (loop $vectors
        (br_if $vectorsDone (i32.gt_u (i32.add (local.get $src) (i32.const 16)) (local.get $end)))
        (local.set $v (v128.load (local.get $src)))
        (v128.store offset=0 (local.get $acc) (f64x2.add (v128.load offset=0 (local.get $acc))
          (f64x2.mul (local.get $k) (f64x2.promote_low_f32x4 (local.get $v)))))
        (v128.store offset=16 (local.get $acc) (f64x2.add (v128.load offset=16 (local.get $acc))
          (f64x2.mul (local.get $k) (f64x2.promote_low_f32x4
            (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $v) (local.get $v))))))
        (local.set $src (i32.add (local.get $src) (i32.const 16)))
        (local.set $acc (i32.add (local.get $acc) (i32.const 32)))
        (br $vectors)))
    (block $scalarsDone
      (loop $scalars
        (br_if $scalarsDone (i32.ge_u (local.get $src) (local.get $end)))
        (f64.store (local.get $acc) (f64.add (f64.load (local.get $acc))
          (f64.mul (local.get $sign) (f64.promote_f32 (f32.load (local.get $src))))))
        (local.set $src (i32.add (local.get $src) (i32.const 4)))
        (local.set $acc (i32.add (local.get $acc) (i32.const 8)))
        (br $scalars))))

  ;; dst (n f32) = scale · acc (n f64).
  (func $lineOut (export "lineOut") (param $acc i32) (param $dst i32) (param $n i32) (param $scale f64)
    (local $end i32) (local $k v128)
    (local.set $k (f64x2.splat (local.get $scale)))
    (local.set $end (i32.add (local.get $dst) (i32.shl (local.get $n) (i32.const 2))))
    (block $vectorsDone
      (loop $vectors
        (br_if $vectorsDone (i32.gt_u (i32.add (local.get $dst) (i32.const 16)) (local.get $end)))
        (v128.store (local.get $dst) (i8x16.shuffle 0 1 2 3 4 5 6 7 16 17 18 19 20 21 22 23
          (f32x4.demote_f64x2_zero (f64x2.mul (local.get $k) (v128.load offset=0 (local.get $acc))))
          (f32x4.demote_f64x2_zero (f64x2.mul (local.get $k) (v128.load offset=16 (local.get $acc))))))
        (local.set $dst (i32.add (local.get $dst) (i32.const 16)))
        (local.set $acc (i32.add (local.get $acc) (i32.const 32)))
        (br $vectors)))
    (block $scalarsDone
      (loop $scalars
        (br_if $scalarsDone (i32.ge_u (local.get $dst) (local.get $end)))
        (f32.store (local.get $dst) (f32.demote_f64 (f64.mul (local.get $scale) (f64.load (local.get $acc)))))
        (local.set $dst (i32.add (local.get $dst) (i32.const 4)))
        (local.set $acc (i32.add (local.get $acc) (i32.const 8)))
        (br $scalars))))

  ;; The mean of `support` lines around each of `lines` lines (n f32 each) at src into dst, by a
  ;; running sum in acc (n f64). map: lines + support − 1 i32 byte offsets from src of the
  ;; lines at positions −r … lines − 1 + r after the boundary rule, −1 for a zero line.
  (func (export "boxLines")
    (param $src i32) (param $dst i32) (param $acc i32) (param $n i32) (param $lines i32)
    (param $map i32) (param $support i32) (param $lineBytes i32)
    (local $q i32) (local $j i32) (local $y i32) (local $inv f64) (local $a i32)
    (local.set $inv (f64.div (f64.const 1) (f64.convert_i32_s (local.get $support))))
    (local.set $a (local.get $acc))
    (block $zeroDone
      (loop $zero
        (br_if $zeroDone (i32.ge_u (local.get $q) (local.get $n)))
        (f64.store (local.get $a) (f64.const 0))
        (local.set $a (i32.add (local.get $a) (i32.const 8)))
        (local.set $q (i32.add (local.get $q) (i32.const 1)))
        (br $zero)))
    (local.set $q (i32.const 0))
    (block $initDone
      (loop $init
        (br_if $initDone (i32.ge_s (local.get $q) (i32.sub (local.get $support) (i32.const 1))))
        (local.set $j (i32.load (i32.add (local.get $map) (i32.shl (local.get $q) (i32.const 2)))))
        (if (i32.ge_s (local.get $j) (i32.const 0))
          (then (call $lineAdd (local.get $acc) (i32.add (local.get $src) (local.get $j))
            (local.get $n) (f64.const 1))))
        (local.set $q (i32.add (local.get $q) (i32.const 1)))
        (br $init)))
    (block $linesDone
      (loop $each
        (br_if $linesDone (i32.ge_s (local.get $y) (local.get $lines)))
        (local.set $j (i32.load (i32.add (local.get $map) (i32.shl
          (i32.add (local.get $y) (i32.sub (local.get $support) (i32.const 1))) (i32.const 2)))))
        (if (i32.ge_s (local.get $j) (i32.const 0))
          (then (call $lineAdd (local.get $acc) (i32.add (local.get $src) (local.get $j))
            (local.get $n) (f64.const 1))))
        (call $lineOut (local.get $acc)
          (i32.add (local.get $dst) (i32.mul (local.get $y) (local.get $lineBytes)))
          (local.get $n) (local.get $inv))
        (local.set $j (i32.load (i32.add (local.get $map) (i32.shl (local.get $y) (i32.const 2)))))
        (if (i32.ge_s (local.get $j) (i32.const 0))
          (then (call $lineAdd (local.get $acc) (i32.add (local.get $src) (local.get $j))
            (local.get $n) (f64.const -1))))
        (local.set $y (i32.add (local.get $y) (i32.const 1)))
        (br $each))))
;; The taps along x for ny rows of nx floats at src into dst: each row is first copied into the
  ;; padded row at pad (padLen floats: `before` samples, the row, the rest) with the samples
  ;; outside it looked up through map (padLen i32 source indices, −1 for a zero), then the taps
  ;; table (offs from pad) runs over it.
  (func (export "rowTaps")
    (param $src i32) (param $dst i32) (param $nx i32) (param $ny i32) (param $pad i32)
    (param $map i32) (param $padLen i32) (param $before i32) (param $offs i32) (param $ws i32)
    (param $m i32) (param $add i32)
    (local $y i32) (local $q i32) (local $j i32) (local $row i32) (local $rowBytes i32)
    (local $after i32)
    (local.set $rowBytes (i32.shl (local.get $nx) (i32.const 2)))
    (local.set $after (i32.add (local.get $before) (local.get $nx)))
    (local.set $row (local.get $src))
    (block $rowsDone
      (loop $rows
        (br_if $rowsDone (i32.ge_s (local.get $y) (local.get $ny)))
        (memory.copy (i32.add (local.get $pad) (i32.shl (local.get $before) (i32.const 2)))
          (local.get $row) (local.get $rowBytes))
        (local.set $q (i32.const 0))
        (block $edgesDone
          (loop $edges
            (br_if $edgesDone (i32.ge_s (local.get $q) (local.get $padLen)))
            (if (i32.eq (local.get $q) (local.get $before))
              (then (local.set $q (local.get $after)) (br $edges)))
            (local.set $j (i32.load (i32.add (local.get $map) (i32.shl (local.get $q) (i32.const 2)))))
            (f32.store (i32.add (local.get $pad) (i32.shl (local.get $q) (i32.const 2)))
              (if (result f32) (i32.ge_s (local.get $j) (i32.const 0))
                (then (f32.load (i32.add (local.get $row) (i32.shl (local.get $j) (i32.const 2)))))
                (else (f32.const 0))))
            (local.set $q (i32.add (local.get $q) (i32.const 1)))
            (br $edges)))
        (call $taps (i32.add (local.get $dst) (i32.mul (local.get $y) (local.get $rowBytes)))
          (local.get $nx) (local.get $pad) (local.get $offs) (local.get $ws) (local.get $m)
          (local.get $add))
        (local.set $row (i32.add (local.get $row) (local.get $rowBytes)))
        (local.set $y (i32.add (local.get $y) (i32.const 1)))
        (br $rows))))
)
