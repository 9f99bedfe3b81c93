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
  (func (export "taps")
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
)
