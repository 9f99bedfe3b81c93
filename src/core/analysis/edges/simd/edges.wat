;; WASM SIMD (f32x4) interiors of the edge kernels. JavaScript owns the borders and the columns
;; left over when a row is not a multiple of four; see edgesWasm.ts. All pointers are byte
;; offsets into the exported memory; images are row-major float32.
(module
  (memory (export "memory") 1)

  ;; Sobel gx, gy and magnitude for rows 1..h-2 and columns 1 .. 1 + 4 * floor((w - 2) / 4) - 1.
  (func (export "sobel")
    (param $src i32) (param $gx i32) (param $gy i32) (param $mag i32) (param $w i32) (param $h i32)
    (local $y i32) (local $x i32) (local $o i32) (local $p i32) (local $stride i32)
    (local $tl v128) (local $tc v128) (local $tr v128)
    (local $ml v128) (local $mr v128)
    (local $bl v128) (local $bc v128) (local $br v128)
    (local $ex v128) (local $ey v128)
    (local.set $stride (i32.shl (local.get $w) (i32.const 2)))
    (local.set $y (i32.const 1))
    (block $rowsDone
      (loop $rows
        (br_if $rowsDone (i32.ge_s (local.get $y) (i32.sub (local.get $h) (i32.const 1))))
        (local.set $x (i32.const 1))
        (block $colsDone
          (loop $cols
            (br_if $colsDone
              (i32.gt_s (i32.add (local.get $x) (i32.const 4)) (i32.sub (local.get $w) (i32.const 1))))
            ;; o: byte offset of (x, y); p: its address in src, less one row and one pixel.
            (local.set $o
              (i32.shl (i32.add (i32.mul (local.get $y) (local.get $w)) (local.get $x)) (i32.const 2)))
            (local.set $p (i32.sub (i32.sub (i32.add (local.get $src) (local.get $o)) (local.get $stride)) (i32.const 4)))
            (local.set $tl (v128.load (local.get $p)))
            (local.set $tc (v128.load offset=4 (local.get $p)))
            (local.set $tr (v128.load offset=8 (local.get $p)))
            (local.set $p (i32.add (local.get $p) (local.get $stride)))
            (local.set $ml (v128.load (local.get $p)))
            (local.set $mr (v128.load offset=8 (local.get $p)))
            (local.set $p (i32.add (local.get $p) (local.get $stride)))
            (local.set $bl (v128.load (local.get $p)))
            (local.set $bc (v128.load offset=4 (local.get $p)))
            (local.set $br (v128.load offset=8 (local.get $p)))
            ;; gx = (tr + 2 mr + br) - (tl + 2 ml + bl)
            (local.set $ex
              (f32x4.sub
                (f32x4.add (f32x4.add (local.get $tr) (local.get $br)) (f32x4.add (local.get $mr) (local.get $mr)))
                (f32x4.add (f32x4.add (local.get $tl) (local.get $bl)) (f32x4.add (local.get $ml) (local.get $ml)))))
            ;; gy = (bl + 2 bc + br) - (tl + 2 tc + tr)
            (local.set $ey
              (f32x4.sub
                (f32x4.add (f32x4.add (local.get $bl) (local.get $br)) (f32x4.add (local.get $bc) (local.get $bc)))
                (f32x4.add (f32x4.add (local.get $tl) (local.get $tr)) (f32x4.add (local.get $tc) (local.get $tc)))))
            (v128.store (i32.add (local.get $gx) (local.get $o)) (local.get $ex))
            (v128.store (i32.add (local.get $gy) (local.get $o)) (local.get $ey))
            (v128.store (i32.add (local.get $mag) (local.get $o))
              (f32x4.sqrt
                (f32x4.add (f32x4.mul (local.get $ex) (local.get $ex)) (f32x4.mul (local.get $ey) (local.get $ey)))))
            (local.set $x (i32.add (local.get $x) (i32.const 4)))
            (br $cols)))
        (local.set $y (i32.add (local.get $y) (i32.const 1)))
        (br $rows))))

  ;; Horizontal 5-tap symmetric pass for columns 2 .. 2 + 4 * floor((w - 4) / 4) - 1, all rows:
  ;; dst = k0 c + k1 (x-1 + x+1) + k2 (x-2 + x+2).
  (func (export "gaussRows5")
    (param $src i32) (param $dst i32) (param $w i32) (param $h i32)
    (param $k0 f32) (param $k1 f32) (param $k2 f32)
    (local $y i32) (local $x i32) (local $o i32) (local $p i32)
    (local $v0 v128) (local $v1 v128) (local $v2 v128)
    (local.set $v0 (f32x4.splat (local.get $k0)))
    (local.set $v1 (f32x4.splat (local.get $k1)))
    (local.set $v2 (f32x4.splat (local.get $k2)))
    (block $rowsDone
      (loop $rows
        (br_if $rowsDone (i32.ge_s (local.get $y) (local.get $h)))
        (local.set $x (i32.const 2))
        (block $colsDone
          (loop $cols
            (br_if $colsDone
              (i32.gt_s (i32.add (local.get $x) (i32.const 4)) (i32.sub (local.get $w) (i32.const 2))))
            (local.set $o
              (i32.shl (i32.add (i32.mul (local.get $y) (local.get $w)) (local.get $x)) (i32.const 2)))
            (local.set $p (i32.sub (i32.add (local.get $src) (local.get $o)) (i32.const 8)))
            (v128.store (i32.add (local.get $dst) (local.get $o))
              (f32x4.add
                (f32x4.mul (local.get $v0) (v128.load offset=8 (local.get $p)))
                (f32x4.add
                  (f32x4.mul (local.get $v1)
                    (f32x4.add (v128.load offset=4 (local.get $p)) (v128.load offset=12 (local.get $p))))
                  (f32x4.mul (local.get $v2)
                    (f32x4.add (v128.load (local.get $p)) (v128.load offset=16 (local.get $p)))))))
            (local.set $x (i32.add (local.get $x) (i32.const 4)))
            (br $cols)))
        (local.set $y (i32.add (local.get $y) (i32.const 1)))
        (br $rows))))

  ;; Vertical 5-tap symmetric pass for rows 2..h-3 and columns 0 .. 4 * floor(w / 4) - 1.
  (func (export "gaussCols5")
    (param $src i32) (param $dst i32) (param $w i32) (param $h i32)
    (param $k0 f32) (param $k1 f32) (param $k2 f32)
    (local $y i32) (local $x i32) (local $o i32) (local $p i32) (local $stride i32)
    (local $v0 v128) (local $v1 v128) (local $v2 v128)
    (local.set $v0 (f32x4.splat (local.get $k0)))
    (local.set $v1 (f32x4.splat (local.get $k1)))
    (local.set $v2 (f32x4.splat (local.get $k2)))
    (local.set $stride (i32.shl (local.get $w) (i32.const 2)))
    (local.set $y (i32.const 2))
    (block $rowsDone
      (loop $rows
        (br_if $rowsDone (i32.ge_s (local.get $y) (i32.sub (local.get $h) (i32.const 2))))
        (local.set $x (i32.const 0))
        (block $colsDone
          (loop $cols
            (br_if $colsDone (i32.gt_s (i32.add (local.get $x) (i32.const 4)) (local.get $w)))
            (local.set $o
              (i32.shl (i32.add (i32.mul (local.get $y) (local.get $w)) (local.get $x)) (i32.const 2)))
            (local.set $p (i32.add (local.get $src) (local.get $o)))
            (v128.store (i32.add (local.get $dst) (local.get $o))
              (f32x4.add
                (f32x4.mul (local.get $v0) (v128.load (local.get $p)))
                (f32x4.add
                  (f32x4.mul (local.get $v1)
                    (f32x4.add
                      (v128.load (i32.sub (local.get $p) (local.get $stride)))
                      (v128.load (i32.add (local.get $p) (local.get $stride)))))
                  (f32x4.mul (local.get $v2)
                    (f32x4.add
                      (v128.load (i32.sub (local.get $p) (i32.shl (local.get $stride) (i32.const 1))))
                      (v128.load (i32.add (local.get $p) (i32.shl (local.get $stride) (i32.const 1)))))))))
            (local.set $x (i32.add (local.get $x) (i32.const 4)))
            (br $cols)))
        (local.set $y (i32.add (local.get $y) (i32.const 1)))
        (br $rows))))
)
