;; WASM SIMD (f32x4) edge kernels: the Sobel interior (JavaScript owns its borders), and Canny's
;; gradient + suppression in one pass, and its hysteresis (Gaussian smoothing is blur.wat). All
;; pointers are byte offsets into the exported memory; images are row-major float32.
(module
  (memory (export "memory") 1)

  ;; Sobel gx, gy and magnitude for rows 1..h-2 and columns 1 .. 1 + 4 * floor((w - 2) / 4) - 1.
  (func (export "sobel")
    (param $src i32) (param $gx i32) (param $gy i32) (param $mag i32) (param $w i32) (param $h i32)
    (local $y i32)
    (local.set $y (i32.const 1))
    (block $rowsDone
      (loop $rows
        (br_if $rowsDone (i32.ge_s (local.get $y) (i32.sub (local.get $h) (i32.const 1))))
        (call $sobelRow (local.get $src) (local.get $gx) (local.get $gy) (local.get $mag)
          (local.get $w) (local.get $y) (i32.const 0))
        (local.set $y (i32.add (local.get $y) (i32.const 1)))
        (br $rows))))

  ;; Row y (0 < y < h-1) of sobel, columns 1 .. 1 + 4 * floor((w - 2) / 4) - 1; with last set,
  ;; one more vector over the row's final four interior columns (w >= 6; the lanes it shares
  ;; with the previous vector get the same values again), so all of 1 .. w - 2.
  (func $sobelRow
    (param $src i32) (param $gx i32) (param $gy i32) (param $mag i32) (param $w i32) (param $y i32)
    (param $last i32)
    (local $o i32) (local $end i32) (local $p i32) (local $stride i32)
    (local $tl v128) (local $tc v128) (local $tr v128)
    (local $ml v128) (local $mr v128)
    (local $bl v128) (local $bc v128) (local $br v128)
    (local $ex v128) (local $ey v128)
    (local.set $stride (i32.shl (local.get $w) (i32.const 2)))
    ;; o: byte offset of (x, y) from x = 1; end: of (w - 1, y), which no lane may reach.
    (local.set $o (i32.shl (i32.add (i32.mul (local.get $y) (local.get $w)) (i32.const 1)) (i32.const 2)))
    (local.set $end (i32.add (local.get $o) (i32.shl (i32.sub (local.get $w) (i32.const 2)) (i32.const 2))))
    ;; p: the address of (x - 1, y - 1) in src.
    (local.set $p (i32.sub (i32.sub (i32.add (local.get $src) (local.get $o)) (local.get $stride)) (i32.const 4)))
    (block $colsDone
      (loop $cols
        (if (i32.gt_s (i32.add (local.get $o) (i32.const 16)) (local.get $end))
          (then
            (br_if $colsDone (i32.or (i32.eqz (local.get $last)) (i32.ge_s (local.get $o) (local.get $end))))
            (local.set $p (i32.sub (local.get $p) (i32.sub (i32.add (local.get $o) (i32.const 16)) (local.get $end))))
            (local.set $o (i32.sub (local.get $end) (i32.const 16)))
            (local.set $last (i32.const 0))))
        (local.set $tl (v128.load (local.get $p)))
        (local.set $tc (v128.load offset=4 (local.get $p)))
        (local.set $tr (v128.load offset=8 (local.get $p)))
        (local.set $ml (v128.load (i32.add (local.get $p) (local.get $stride))))
        (local.set $mr (v128.load offset=8 (i32.add (local.get $p) (local.get $stride))))
        (local.set $bl (v128.load (i32.add (local.get $p) (i32.shl (local.get $stride) (i32.const 1)))))
        (local.set $bc (v128.load offset=4 (i32.add (local.get $p) (i32.shl (local.get $stride) (i32.const 1)))))
        (local.set $br (v128.load offset=8 (i32.add (local.get $p) (i32.shl (local.get $stride) (i32.const 1)))))
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
        (local.set $o (i32.add (local.get $o) (i32.const 16)))
        (local.set $p (i32.add (local.get $p) (i32.const 16)))
        (br $cols))))

  ;; Canny gradient and suppression in one pass, for absolute thresholds: row y's Sobel (gx and
  ;; gy into a two-row ring at ring, 4 w floats; magnitude into the plane at mag), then row y-1's
  ;; state, so gx and gy never go to memory. Same values as sobel + the TypeScript borders, and the
  ;; same states as the TypeScript path in canny.ts; returns the strong count listed at strong.
  ;; w >= 6, h >= 3.
  (func (export "canny")
    (param $src i32) (param $mag i32) (param $state i32) (param $strong i32) (param $ring i32)
    (param $w i32) (param $h i32) (param $low f64) (param $high f64) (result i32)
    (local $y i32) (local $x i32) (local $stride i32) (local $gxRow i32)
    (local $count i32) (local $vlow v128)
    (local.set $vlow (f32x4.splat (call $f32AtOrBelow (local.get $low))))
    (local.set $stride (i32.shl (local.get $w) (i32.const 2)))
    (block $rowsDone
      (loop $rows
        (br_if $rowsDone (i32.ge_s (local.get $y) (local.get $h)))
        (local.set $gxRow (i32.add (local.get $ring)
          (i32.mul (i32.and (local.get $y) (i32.const 1)) (i32.shl (local.get $stride) (i32.const 1)))))
        (local.set $x (i32.const 0))
        (if (i32.and (i32.gt_s (local.get $y) (i32.const 0))
              (i32.lt_s (local.get $y) (i32.sub (local.get $h) (i32.const 1))))
          (then
            (call $sobelAt (local.get $src) (local.get $gxRow) (local.get $mag) (i32.const 0)
              (local.get $y) (local.get $w) (local.get $h))
            ;; Plane-relative pointers: sobelRow adds (y w + x) 4 to each.
            (call $sobelRow (local.get $src)
              (i32.sub (local.get $gxRow) (i32.mul (local.get $y) (local.get $stride)))
              (i32.sub (i32.add (local.get $gxRow) (local.get $stride)) (i32.mul (local.get $y) (local.get $stride)))
              (local.get $mag) (local.get $w) (local.get $y) (i32.const 1))
            (local.set $x (i32.sub (local.get $w) (i32.const 1)))))
        (block $colsDone
          (loop $cols
            (br_if $colsDone (i32.ge_s (local.get $x) (local.get $w)))
            (call $sobelAt (local.get $src) (local.get $gxRow) (local.get $mag) (local.get $x)
              (local.get $y) (local.get $w) (local.get $h))
            (local.set $x (i32.add (local.get $x) (i32.const 1)))
            (br $cols)))
        (if (i32.gt_s (local.get $y) (i32.const 0))
          (then
            (local.set $count
              (call $judgeRow (local.get $mag) (local.get $state) (local.get $strong) (local.get $count)
                (local.get $ring) (i32.sub (local.get $y) (i32.const 1)) (local.get $w) (local.get $h)
                (local.get $vlow) (local.get $low) (local.get $high)))))
        (local.set $y (i32.add (local.get $y) (i32.const 1)))
        (br $rows)))
    (call $judgeRow (local.get $mag) (local.get $state) (local.get $strong) (local.get $count)
      (local.get $ring) (i32.sub (local.get $h) (i32.const 1)) (local.get $w) (local.get $h)
      (local.get $vlow) (local.get $low) (local.get $high)))

;; Radix select's counting for percentiles of n non-negative float32 at src (their bit patterns
  ;; order as the values do). histTop: counts of the top 16 bits into 32768 i32 at top (with room
  ;; for four such tables, 512 KiB); returns 1 if any pattern is negative (a sign bit), infinite
  ;; or NaN, which the caller then leaves to quickselect. histLow: for
  ;; the patterns whose top 16 bits are b0 (or b1), counts of the low 16 bits into 65536 i32 at
  ;; low0 (low1). Both zero their tables first.
  (func (export "histTop") (param $src i32) (param $n i32) (param $top i32) (result i32)
    (local $p i32) (local $end i32) (local $b i32) (local $q i32) (local $bad i32) (local $k i32)
    (call $zero (local.get $top) (i32.const 524288))
    (local.set $p (local.get $src))
    (local.set $end (i32.add (local.get $src) (i32.shl (i32.and (local.get $n) (i32.const -4)) (i32.const 2))))
    ;; Four pixels a step into four tables, so runs of equal buckets do not wait on each other.
    (block $done
      (loop $count
        (br_if $done (i32.ge_u (local.get $p) (local.get $end)))
        (local.set $b (i32.load (local.get $p)))
        (local.set $bad (i32.or (local.get $bad) (local.get $b)))
        (local.set $q (i32.add (local.get $top) (i32.and (i32.shr_u (local.get $b) (i32.const 14)) (i32.const 0x1fffc))))
        (i32.store (local.get $q) (i32.add (i32.load (local.get $q)) (i32.const 1)))
        (local.set $b (i32.load offset=4 (local.get $p)))
        (local.set $bad (i32.or (local.get $bad) (local.get $b)))
        (local.set $q (i32.add (local.get $top) (i32.and (i32.shr_u (local.get $b) (i32.const 14)) (i32.const 0x1fffc))))
        (i32.store offset=131072 (local.get $q) (i32.add (i32.load offset=131072 (local.get $q)) (i32.const 1)))
        (local.set $b (i32.load offset=8 (local.get $p)))
        (local.set $bad (i32.or (local.get $bad) (local.get $b)))
        (local.set $q (i32.add (local.get $top) (i32.and (i32.shr_u (local.get $b) (i32.const 14)) (i32.const 0x1fffc))))
        (i32.store offset=262144 (local.get $q) (i32.add (i32.load offset=262144 (local.get $q)) (i32.const 1)))
        (local.set $b (i32.load offset=12 (local.get $p)))
        (local.set $bad (i32.or (local.get $bad) (local.get $b)))
        (local.set $q (i32.add (local.get $top) (i32.and (i32.shr_u (local.get $b) (i32.const 14)) (i32.const 0x1fffc))))
        (i32.store offset=393216 (local.get $q) (i32.add (i32.load offset=393216 (local.get $q)) (i32.const 1)))
        (local.set $p (i32.add (local.get $p) (i32.const 16)))
        (br $count)))
    (local.set $end (i32.add (local.get $src) (i32.shl (local.get $n) (i32.const 2))))
    (block $done2
      (loop $rest
        (br_if $done2 (i32.ge_u (local.get $p) (local.get $end)))
        (local.set $b (i32.load (local.get $p)))
        (local.set $bad (i32.or (local.get $bad) (local.get $b)))
        (local.set $q (i32.add (local.get $top) (i32.and (i32.shr_u (local.get $b) (i32.const 14)) (i32.const 0x1fffc))))
        (i32.store (local.get $q) (i32.add (i32.load (local.get $q)) (i32.const 1)))
        (local.set $p (i32.add (local.get $p) (i32.const 4)))
        (br $rest)))
    ;; Sum the four tables into the first.
    (local.set $q (local.get $top))
    (local.set $end (i32.add (local.get $top) (i32.const 131072)))
    (block $summed
      (loop $sum
        (br_if $summed (i32.ge_u (local.get $q) (local.get $end)))
        (v128.store (local.get $q)
          (i32x4.add (i32x4.add (v128.load (local.get $q)) (v128.load offset=131072 (local.get $q)))
            (i32x4.add (v128.load offset=262144 (local.get $q)) (v128.load offset=393216 (local.get $q)))))
        (local.set $q (i32.add (local.get $q) (i32.const 16)))
        (br $sum)))
    ;; Unorderable: a sign bit in any pattern, or a count at or above +Infinity's (NaN, or an
    ;; infinite magnitude, left to quickselect too).
    (local.set $bad (i32.lt_s (local.get $bad) (i32.const 0)))
    (local.set $q (i32.add (local.get $top) (i32.const 0x1fe00)))
    (block $checked
      (loop $check
        (br_if $checked (i32.ge_u (local.get $q) (local.get $end)))
        (local.set $bad (i32.or (local.get $bad) (v128.any_true (v128.load (local.get $q)))))
        (local.set $q (i32.add (local.get $q) (i32.const 16)))
        (br $check)))
    (local.get $bad))

  (func (export "histLow")
    (param $src i32) (param $n i32) (param $b0 i32) (param $b1 i32) (param $low0 i32) (param $low1 i32)
    (local $p i32) (local $end i32) (local $vend i32) (local $k i32) (local $v0 v128) (local $v1 v128)
    (call $zero (local.get $low0) (i32.const 262144))
    (call $zero (local.get $low1) (i32.const 262144))
    (local.set $v0 (i32x4.splat (local.get $b0)))
    (local.set $v1 (i32x4.splat (local.get $b1)))
    (local.set $p (local.get $src))
    (local.set $end (i32.add (local.get $src) (i32.shl (local.get $n) (i32.const 2))))
    (local.set $vend (i32.add (local.get $src) (i32.shl (i32.and (local.get $n) (i32.const -4)) (i32.const 2))))
    ;; Four patterns a step; the few in a target bucket are counted one by one.
    (block $done
      (loop $count
        (br_if $done (i32.ge_u (local.get $p) (local.get $vend)))
        (if (v128.any_true (v128.or
              (i32x4.eq (i32x4.shr_u (v128.load (local.get $p)) (i32.const 16)) (local.get $v0))
              (i32x4.eq (i32x4.shr_u (v128.load (local.get $p)) (i32.const 16)) (local.get $v1))))
          (then
            (local.set $k (i32.const 0))
            (loop $lanes
              (call $countLow (i32.load (i32.add (local.get $p) (local.get $k)))
                (local.get $b0) (local.get $b1) (local.get $low0) (local.get $low1))
              (local.set $k (i32.add (local.get $k) (i32.const 4)))
              (br_if $lanes (i32.lt_u (local.get $k) (i32.const 16))))))
        (local.set $p (i32.add (local.get $p) (i32.const 16)))
        (br $count)))
    (block $tailDone
      (loop $tail
        (br_if $tailDone (i32.ge_u (local.get $p) (local.get $end)))
        (call $countLow (i32.load (local.get $p))
          (local.get $b0) (local.get $b1) (local.get $low0) (local.get $low1))
        (local.set $p (i32.add (local.get $p) (i32.const 4)))
        (br $tail))))

  ;; Counts pattern b's low 16 bits at low0 if its top 16 bits are b0, at low1 if b1.
  (func $countLow (param $b i32) (param $b0 i32) (param $b1 i32) (param $low0 i32) (param $low1 i32)
    (local $t i32) (local $q i32)
    (local.set $t (i32.shr_u (local.get $b) (i32.const 16)))
    (if (i32.or (i32.eq (local.get $t) (local.get $b0)) (i32.eq (local.get $t) (local.get $b1)))
      (then
        (local.set $q (i32.add
          (select (local.get $low0) (local.get $low1) (i32.eq (local.get $t) (local.get $b0)))
          (i32.shl (i32.and (local.get $b) (i32.const 0xffff)) (i32.const 2))))
        (i32.store (local.get $q) (i32.add (i32.load (local.get $q)) (i32.const 1))))))

  ;; Zeroes bytes [p, p + bytes), bytes a multiple of 16.
  (func $zero (param $p i32) (param $bytes i32)
    (local $end i32)
    (local.set $end (i32.add (local.get $p) (local.get $bytes)))
    (block $done
      (loop $z
        (br_if $done (i32.ge_u (local.get $p) (local.get $end)))
        (v128.store (local.get $p) (v128.const i32x4 0 0 0 0))
        (local.set $p (i32.add (local.get $p) (i32.const 16)))
        (br $z))))

  ;; Hysteresis in place: the weak pixels (state 1) 8-connected to a strong one (state 2) become
  ;; strong, by a depth-first walk from the top strong indices listed at stack (room for w h);
  ;; then edges (bytes) gets 1 where the state is 2 and 0 elsewhere, sixteen pixels at a time.
  (func (export "hysteresis")
    (param $state i32) (param $edges i32) (param $stack i32) (param $top i32) (param $w i32) (param $h i32)
    (local $i i32) (local $x i32) (local $y i32) (local $yy i32) (local $xx i32) (local $j i32)
    (local $n i32) (local $two v128)
    (block $walked
      (loop $walk
        (br_if $walked (i32.eqz (local.get $top)))
        (local.set $top (i32.sub (local.get $top) (i32.const 1)))
        (local.set $i (i32.load (i32.add (local.get $stack) (i32.shl (local.get $top) (i32.const 2)))))
        (local.set $y (i32.div_u (local.get $i) (local.get $w)))
        (local.set $x (i32.sub (local.get $i) (i32.mul (local.get $y) (local.get $w))))
        ;; Neighbours (xx, yy) in [x-1, x+1] x [y-1, y+1] inside the image; unsigned compares
        ;; reject -1 too. The pixel itself is strong already, so it never matches.
        (local.set $yy (i32.sub (local.get $y) (i32.const 1)))
        (loop $rows
          (if (i32.lt_u (local.get $yy) (local.get $h))
            (then
              (local.set $xx (i32.sub (local.get $x) (i32.const 1)))
              (loop $cols
                (local.set $j (i32.add (i32.mul (local.get $yy) (local.get $w)) (local.get $xx)))
                (if (i32.and (i32.lt_u (local.get $xx) (local.get $w))
                      (i32.eq (i32.load8_u (i32.add (local.get $state) (local.get $j))) (i32.const 1)))
                  (then
                    (i32.store8 (i32.add (local.get $state) (local.get $j)) (i32.const 2))
                    (i32.store (i32.add (local.get $stack) (i32.shl (local.get $top) (i32.const 2))) (local.get $j))
                    (local.set $top (i32.add (local.get $top) (i32.const 1)))))
                (local.set $xx (i32.add (local.get $xx) (i32.const 1)))
                (br_if $cols (i32.le_s (local.get $xx) (i32.add (local.get $x) (i32.const 1)))))))
          (local.set $yy (i32.add (local.get $yy) (i32.const 1)))
          (br_if $rows (i32.le_s (local.get $yy) (i32.add (local.get $y) (i32.const 1)))))
        (br $walk)))
    (local.set $n (i32.mul (local.get $w) (local.get $h)))
    (local.set $two (i8x16.splat (i32.const 2)))
    (local.set $i (i32.const 0))
    (block $vecDone
      (loop $vec
        (br_if $vecDone (i32.gt_u (i32.add (local.get $i) (i32.const 16)) (local.get $n)))
        (v128.store (i32.add (local.get $edges) (local.get $i))
          (v128.and (i8x16.eq (v128.load (i32.add (local.get $state) (local.get $i))) (local.get $two))
            (i8x16.splat (i32.const 1))))
        (local.set $i (i32.add (local.get $i) (i32.const 16)))
        (br $vec)))
    (block $tailDone
      (loop $tail
        (br_if $tailDone (i32.ge_u (local.get $i) (local.get $n)))
        (i32.store8 (i32.add (local.get $edges) (local.get $i))
          (i32.eq (i32.load8_u (i32.add (local.get $state) (local.get $i))) (i32.const 2)))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $tail))))

  ;; States of row y from its ring gx and gy rows; returns the new strong count.
  (func $judgeRow
    (param $mag i32) (param $state i32) (param $strong i32) (param $count i32) (param $ring i32)
    (param $y i32) (param $w i32) (param $h i32) (param $vlow v128)
    (param $low f64) (param $high f64) (result i32)
    (local $x i32) (local $stride i32) (local $gxRow i32) (local $last i32)
    (local.set $stride (i32.shl (local.get $w) (i32.const 2)))
    (local.set $gxRow (i32.add (local.get $ring)
      (i32.mul (i32.and (local.get $y) (i32.const 1)) (i32.shl (local.get $stride) (i32.const 1)))))
    (local.set $last (i32.sub (local.get $w) (i32.const 1)))
    (if (i32.and (i32.gt_s (local.get $y) (i32.const 0))
          (i32.lt_s (local.get $y) (i32.sub (local.get $h) (i32.const 1))))
      (then
        (local.set $count
          (call $candRow
            (i32.sub (local.get $gxRow) (i32.mul (local.get $y) (local.get $stride)))
            (i32.sub (i32.add (local.get $gxRow) (local.get $stride)) (i32.mul (local.get $y) (local.get $stride)))
            (local.get $mag) (local.get $state) (local.get $strong) (local.get $count) (local.get $y)
            (local.get $w) (local.get $vlow) (local.get $low) (local.get $high)))
        (local.set $count
          (call $judgeAt (local.get $gxRow) (local.get $mag) (local.get $state) (local.get $strong)
            (local.get $count) (i32.const 0) (local.get $y) (local.get $w) (local.get $h)
            (local.get $low) (local.get $high)))
        (return
          (call $judgeAt (local.get $gxRow) (local.get $mag) (local.get $state) (local.get $strong)
            (local.get $count) (local.get $last) (local.get $y) (local.get $w) (local.get $h)
            (local.get $low) (local.get $high)))))
    (block $colsDone
      (loop $cols
        (br_if $colsDone (i32.gt_s (local.get $x) (local.get $last)))
        (local.set $count
          (call $judgeAt (local.get $gxRow) (local.get $mag) (local.get $state) (local.get $strong)
            (local.get $count) (local.get $x) (local.get $y) (local.get $w) (local.get $h)
            (local.get $low) (local.get $high)))
        (local.set $x (i32.add (local.get $x) (i32.const 1)))
        (br $cols)))
    (local.get $count))

  ;; Sobel at (x, y) with reflect-101 borders, in float64 as sobelAt in sobelSimd.ts: gx, gy into
  ;; the ring rows at gxRow (gy one row after), the magnitude into its plane, all as float32.
  (func $sobelAt
    (param $src i32) (param $gxRow i32) (param $mag i32) (param $x i32) (param $y i32)
    (param $w i32) (param $h i32)
    (local $t i32) (local $m i32) (local $b i32) (local $xl i32) (local $xr i32)
    (local $gx f64) (local $gy f64)
    (local.set $xl (i32.shl (call $reflect (i32.sub (local.get $x) (i32.const 1)) (local.get $w)) (i32.const 2)))
    (local.set $xr (i32.shl (call $reflect (i32.add (local.get $x) (i32.const 1)) (local.get $w)) (i32.const 2)))
    (local.set $t (i32.add (local.get $src) (i32.shl (i32.mul (call $reflect (i32.sub (local.get $y) (i32.const 1)) (local.get $h)) (local.get $w)) (i32.const 2))))
    (local.set $m (i32.add (local.get $src) (i32.shl (i32.mul (local.get $y) (local.get $w)) (i32.const 2))))
    (local.set $b (i32.add (local.get $src) (i32.shl (i32.mul (call $reflect (i32.add (local.get $y) (i32.const 1)) (local.get $h)) (local.get $w)) (i32.const 2))))
    ;; gx = t[xr] + 2 m[xr] + b[xr] - t[xl] - 2 m[xl] - b[xl], left to right.
    (local.set $gx
      (f64.sub (f64.sub (f64.sub
        (f64.add (f64.add
          (f64.promote_f32 (f32.load (i32.add (local.get $t) (local.get $xr))))
          (f64.mul (f64.const 2) (f64.promote_f32 (f32.load (i32.add (local.get $m) (local.get $xr))))))
          (f64.promote_f32 (f32.load (i32.add (local.get $b) (local.get $xr)))))
        (f64.promote_f32 (f32.load (i32.add (local.get $t) (local.get $xl)))))
        (f64.mul (f64.const 2) (f64.promote_f32 (f32.load (i32.add (local.get $m) (local.get $xl))))))
        (f64.promote_f32 (f32.load (i32.add (local.get $b) (local.get $xl))))))
    ;; gy = b[xl] + 2 b[x] + b[xr] - t[xl] - 2 t[x] - t[xr], left to right.
    (local.set $x (i32.shl (local.get $x) (i32.const 2)))
    (local.set $gy
      (f64.sub (f64.sub (f64.sub
        (f64.add (f64.add
          (f64.promote_f32 (f32.load (i32.add (local.get $b) (local.get $xl))))
          (f64.mul (f64.const 2) (f64.promote_f32 (f32.load (i32.add (local.get $b) (local.get $x))))))
          (f64.promote_f32 (f32.load (i32.add (local.get $b) (local.get $xr)))))
        (f64.promote_f32 (f32.load (i32.add (local.get $t) (local.get $xl)))))
        (f64.mul (f64.const 2) (f64.promote_f32 (f32.load (i32.add (local.get $t) (local.get $x))))))
        (f64.promote_f32 (f32.load (i32.add (local.get $t) (local.get $xr))))))
    (f32.store (i32.add (local.get $gxRow) (local.get $x)) (f32.demote_f64 (local.get $gx)))
    (f32.store (i32.add (i32.add (local.get $gxRow) (i32.shl (local.get $w) (i32.const 2))) (local.get $x))
      (f32.demote_f64 (local.get $gy)))
    (f32.store
      (i32.add (local.get $mag) (i32.add (i32.sub (local.get $m) (local.get $src)) (local.get $x)))
      (f32.demote_f64 (f64.sqrt (f64.add (f64.mul (local.get $gx) (local.get $gx))
        (f64.mul (local.get $gy) (local.get $gy)))))))

  ;; State of (x, y) with magnitude 0 outside the image, as judgePixel in canny.ts; gx and gy from
  ;; the ring rows at gxRow. Writes the state byte, lists a strong pixel, returns the count.
  (func $judgeAt
    (param $gxRow i32) (param $mag i32) (param $state i32) (param $strong i32) (param $count i32)
    (param $x i32) (param $y i32) (param $w i32) (param $h i32) (param $low f64) (param $high f64)
    (result i32)
    (local $i i32) (local $m f64) (local $ex f64) (local $ey f64) (local $ax f64) (local $ay f64)
    (local $ox i32) (local $oy i32) (local $st i32)
    (local.set $i (i32.add (i32.mul (local.get $y) (local.get $w)) (local.get $x)))
    (local.set $m (f64.promote_f32 (f32.load (i32.add (local.get $mag) (i32.shl (local.get $i) (i32.const 2))))))
    (if (f64.gt (local.get $m) (local.get $low))
      (then
        (local.set $ex (f64.promote_f32 (f32.load (i32.add (local.get $gxRow) (i32.shl (local.get $x) (i32.const 2))))))
        (local.set $ey (f64.promote_f32 (f32.load
          (i32.add (i32.add (local.get $gxRow) (i32.shl (local.get $w) (i32.const 2))) (i32.shl (local.get $x) (i32.const 2))))))
        (local.set $ax (f64.abs (local.get $ex)))
        (local.set $ay (f64.abs (local.get $ey)))
        ;; Sector 1: (1, 0); 2: (0, 1); 3: (1, 1); 4: (-1, 1).
        (local.set $ox (i32.const 1))
        (local.set $oy (i32.const 1))
        (if (f64.le (local.get $ay) (f64.mul (local.get $ax) (f64.const 0x1.a827999fcef34p-2)))
          (then (local.set $oy (i32.const 0)))
          (else
            (if (f64.ge (local.get $ay) (f64.mul (local.get $ax) (f64.const 0x1.3504f333f9de6p+1)))
              (then (local.set $ox (i32.const 0)))
              (else
                (if (i32.eqz (f64.gt (f64.mul (local.get $ex) (local.get $ey)) (f64.const 0)))
                  (then (local.set $ox (i32.const -1))))))))
        (if (i32.and
              (f64.gt (local.get $m)
                (call $magAt (local.get $mag) (i32.sub (local.get $x) (local.get $ox))
                  (i32.sub (local.get $y) (local.get $oy)) (local.get $w) (local.get $h)))
              (f64.ge (local.get $m)
                (call $magAt (local.get $mag) (i32.add (local.get $x) (local.get $ox))
                  (i32.add (local.get $y) (local.get $oy)) (local.get $w) (local.get $h))))
          (then (local.set $st (select (i32.const 2) (i32.const 1) (f64.gt (local.get $m) (local.get $high))))))))
    (i32.store8 (i32.add (local.get $state) (local.get $i)) (local.get $st))
    (if (i32.eq (local.get $st) (i32.const 2))
      (then
        (i32.store (i32.add (local.get $strong) (i32.shl (local.get $count) (i32.const 2))) (local.get $i))
        (local.set $count (i32.add (local.get $count) (i32.const 1)))))
    (local.get $count))

  (func $magAt (param $mag i32) (param $x i32) (param $y i32) (param $w i32) (param $h i32) (result f64)
    (if (result f64)
      (i32.or (i32.ge_u (local.get $x) (local.get $w)) (i32.ge_u (local.get $y) (local.get $h)))
      (then (f64.const 0))
      (else (f64.promote_f32 (f32.load (i32.add (local.get $mag)
        (i32.shl (i32.add (i32.mul (local.get $y) (local.get $w)) (local.get $x)) (i32.const 2))))))))

  ;; Reflect-101 for indices at most two outside [0, n), n >= 3.
  (func $reflect (param $i i32) (param $n i32) (result i32)
    (if (result i32) (i32.lt_s (local.get $i) (i32.const 0))
      (then (i32.sub (i32.const 0) (local.get $i)))
      (else
        (if (result i32) (i32.ge_s (local.get $i) (local.get $n))
          (then (i32.sub (i32.sub (i32.shl (local.get $n) (i32.const 1)) (i32.const 2)) (local.get $i)))
          (else (local.get $i))))))

  ;; Row y (0 < y < h-1), columns 1..w-2: state bytes and the strong list (count returned).
  ;; Sixteen pixels at a time (the row's tail one by one) the candidates, magnitude above low,
  ;; are found in f32x4 lanes as a bitmask; only they are judged, each as judgePixel in canny.ts:
  ;; sector tests in float64 (so the same sector as TypeScript's), magnitudes compared as float32.
  (func $candRow
    (param $gx i32) (param $gy i32) (param $mag i32) (param $state i32) (param $strong i32)
    (param $count i32) (param $y i32) (param $w i32) (param $vlow v128)
    (param $low f64) (param $high f64) (result i32)
    (local $x i32) (local $i i32) (local $j i32) (local $p i32) (local $bits i32) (local $st i32)
    (local $o i32) (local $m f32) (local $flow f32) (local $fhigh f32) (local $vhigh v128)
    (local $ex f64) (local $ey f64) (local $ax f64) (local $ay f64)
    (local.set $flow (f32x4.extract_lane 0 (local.get $vlow)))
    (local.set $fhigh (call $f32AtOrBelow (local.get $high)))
    (local.set $vhigh (f32x4.splat (local.get $fhigh)))
    (local.set $x (i32.const 1))
    (block $rowDone
      (loop $blocks
        (br_if $rowDone (i32.ge_s (local.get $x) (i32.sub (local.get $w) (i32.const 1))))
        (local.set $i (i32.add (i32.mul (local.get $y) (local.get $w)) (local.get $x)))
        (local.set $p (i32.add (local.get $mag) (i32.shl (local.get $i) (i32.const 2))))
        (if (i32.le_s (i32.add (local.get $x) (i32.const 17)) (local.get $w))
          (then
            (local.set $bits
              (i32.or
                (i32.or (i32x4.bitmask (f32x4.gt (v128.load (local.get $p)) (local.get $vlow)))
                  (i32.shl (i32x4.bitmask (f32x4.gt (v128.load offset=16 (local.get $p)) (local.get $vlow)))
                    (i32.const 4)))
                (i32.or
                  (i32.shl (i32x4.bitmask (f32x4.gt (v128.load offset=32 (local.get $p)) (local.get $vlow)))
                    (i32.const 8))
                  (i32.shl (i32x4.bitmask (f32x4.gt (v128.load offset=48 (local.get $p)) (local.get $vlow)))
                    (i32.const 12)))))
            (v128.store (i32.add (local.get $state) (local.get $i)) (v128.const i32x4 0 0 0 0))
            ;; Dense blocks (6 or more of 16): four lanes at a time beat one pixel at a time.
            (if (i32.ge_u (i32.popcnt (local.get $bits)) (i32.const 6))
              (then
                (local.set $count (call $judgeVec (local.get $gx) (local.get $gy) (local.get $mag)
                  (local.get $state) (local.get $strong) (local.get $count) (local.get $i) (local.get $w)
                  (local.get $vlow) (local.get $vhigh)))
                (local.set $count (call $judgeVec (local.get $gx) (local.get $gy) (local.get $mag)
                  (local.get $state) (local.get $strong) (local.get $count) (i32.add (local.get $i) (i32.const 4))
                  (local.get $w) (local.get $vlow) (local.get $vhigh)))
                (local.set $count (call $judgeVec (local.get $gx) (local.get $gy) (local.get $mag)
                  (local.get $state) (local.get $strong) (local.get $count) (i32.add (local.get $i) (i32.const 8))
                  (local.get $w) (local.get $vlow) (local.get $vhigh)))
                (local.set $count (call $judgeVec (local.get $gx) (local.get $gy) (local.get $mag)
                  (local.get $state) (local.get $strong) (local.get $count) (i32.add (local.get $i) (i32.const 12))
                  (local.get $w) (local.get $vlow) (local.get $vhigh)))
                (local.set $bits (i32.const 0))))
            (local.set $x (i32.add (local.get $x) (i32.const 16))))
          (else
            ;; The row's last (up to 15) pixels: the same bitmask, built one pixel at a time.
            (local.set $bits (i32.const 0))
            (local.set $j (i32.const 0))
            (loop $tail
              (local.set $bits (i32.or (local.get $bits)
                (i32.shl (f32.gt (f32.load (local.get $p)) (local.get $flow)) (local.get $j))))
              (i32.store8 (i32.add (local.get $state) (i32.add (local.get $i) (local.get $j))) (i32.const 0))
              (local.set $p (i32.add (local.get $p) (i32.const 4)))
              (local.set $j (i32.add (local.get $j) (i32.const 1)))
              (local.set $x (i32.add (local.get $x) (i32.const 1)))
              (br_if $tail (i32.lt_s (local.get $x) (i32.sub (local.get $w) (i32.const 1)))))))
        (block $judged
          (loop $judge
            (br_if $judged (i32.eqz (local.get $bits)))
            (local.set $j (i32.add (local.get $i) (i32.ctz (local.get $bits))))
            (local.set $p (i32.add (local.get $mag) (i32.shl (local.get $j) (i32.const 2))))
            (local.set $m (f32.load (local.get $p)))
            (local.set $ex (f64.promote_f32 (f32.load (i32.add (local.get $gx) (i32.shl (local.get $j) (i32.const 2))))))
            (local.set $ey (f64.promote_f32 (f32.load (i32.add (local.get $gy) (i32.shl (local.get $j) (i32.const 2))))))
            (local.set $ax (f64.abs (local.get $ex)))
            (local.set $ay (f64.abs (local.get $ey)))
            ;; Neighbour offset (bytes): 1 horizontal, w vertical, w + 1 for gx and gy of one
            ;; sign, w - 1 otherwise; selects, not branches, as a noisy image's sectors are random.
            (local.set $o (i32.shl
              (select (i32.const 1)
                (select (local.get $w)
                  (select (i32.add (local.get $w) (i32.const 1)) (i32.sub (local.get $w) (i32.const 1))
                    (f64.gt (f64.mul (local.get $ex) (local.get $ey)) (f64.const 0)))
                  (f64.ge (local.get $ay) (f64.mul (local.get $ax) (f64.const 0x1.3504f333f9de6p+1))))
                (f64.le (local.get $ay) (f64.mul (local.get $ax) (f64.const 0x1.a827999fcef34p-2))))
              (i32.const 2)))
            ;; 0 suppressed, 1 weak, 2 strong; the index is written always, counted when strong.
            (local.set $st (i32.mul
              (i32.and (f32.gt (local.get $m) (f32.load (i32.sub (local.get $p) (local.get $o))))
                (f32.ge (local.get $m) (f32.load (i32.add (local.get $p) (local.get $o)))))
              (i32.add (i32.const 1) (f32.gt (local.get $m) (local.get $fhigh)))))
            (i32.store8 (i32.add (local.get $state) (local.get $j)) (local.get $st))
            (i32.store (i32.add (local.get $strong) (i32.shl (local.get $count) (i32.const 2))) (local.get $j))
            (local.set $count (i32.add (local.get $count) (i32.eq (local.get $st) (i32.const 2))))
            (local.set $bits (i32.and (local.get $bits) (i32.sub (local.get $bits) (i32.const 1))))
            (br $judge)))
        (br $blocks)))
    (local.get $count))

  ;; States of pixels i .. i + 3 (interior, one row) in lanes, decided as $candRow's scalar judge
  ;; (sector tests in float64x2 lanes); strong ones are listed, the new count returned. Cheaper
  ;; than four scalar judges where most of the four are candidates.
  (func $judgeVec
    (param $gx i32) (param $gy i32) (param $mag i32) (param $state i32) (param $strong i32)
    (param $count i32) (param $i i32) (param $w i32) (param $vlow v128) (param $vhigh v128)
    (result i32)
    (local $p i32) (local $stride i32) (local $bits i32)
    (local $m v128) (local $ex v128) (local $ey v128) (local $ax v128) (local $ay v128)
    (local $s1 v128) (local $s2 v128) (local $ds v128) (local $keep v128) (local $hi v128)
    (local.set $stride (i32.shl (local.get $w) (i32.const 2)))
    (local.set $p (i32.add (local.get $mag) (i32.shl (local.get $i) (i32.const 2))))
    (local.set $m (v128.load (local.get $p)))
    (local.set $ex (v128.load (i32.add (local.get $gx) (i32.shl (local.get $i) (i32.const 2)))))
    (local.set $ey (v128.load (i32.add (local.get $gy) (i32.shl (local.get $i) (i32.const 2)))))
    (local.set $ax (f32x4.abs (local.get $ex)))
    (local.set $ay (f32x4.abs (local.get $ey)))
    ;; Sector 1 (ay <= ax tan 22.5) and 2 (ay >= ax tan 67.5) per lane, from float64x2 halves;
    ;; each 64-bit mask is all ones or zeros, so its low 32 bits are the lane's mask.
    (local.set $s1
      (i8x16.shuffle 0 1 2 3 8 9 10 11 16 17 18 19 24 25 26 27
        (f64x2.le (f64x2.promote_low_f32x4 (local.get $ay))
          (f64x2.mul (f64x2.promote_low_f32x4 (local.get $ax)) (f64x2.splat (f64.const 0x1.a827999fcef34p-2))))
        (f64x2.le (f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $ay) (local.get $ay)))
          (f64x2.mul (f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $ax) (local.get $ax))) (f64x2.splat (f64.const 0x1.a827999fcef34p-2))))))
    (local.set $s2
      (i8x16.shuffle 0 1 2 3 8 9 10 11 16 17 18 19 24 25 26 27
        (f64x2.ge (f64x2.promote_low_f32x4 (local.get $ay))
          (f64x2.mul (f64x2.promote_low_f32x4 (local.get $ax)) (f64x2.splat (f64.const 0x1.3504f333f9de6p+1))))
        (f64x2.ge (f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $ay) (local.get $ay)))
          (f64x2.mul (f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $ax) (local.get $ax))) (f64x2.splat (f64.const 0x1.3504f333f9de6p+1))))))
    ;; Diagonals (where gx and gy are both nonzero): one sign -> offset w + 1, otherwise w - 1.
    (local.set $ds (i32x4.ge_s (v128.xor (local.get $ex) (local.get $ey)) (v128.const i32x4 0 0 0 0)))
    ;; Kept: a candidate above the neighbour before (i - o), not below the one after (i + o).
    (local.set $keep
      (v128.and
        (v128.and (f32x4.gt (local.get $m) (local.get $vlow))
          (f32x4.gt (local.get $m)
            (v128.bitselect
              (v128.load (i32.sub (local.get $p) (i32.const 4)))
              (v128.bitselect
                (v128.load (i32.sub (local.get $p) (local.get $stride)))
                (v128.bitselect
                  (v128.load (i32.sub (i32.sub (local.get $p) (local.get $stride)) (i32.const 4)))
                  (v128.load offset=4 (i32.sub (local.get $p) (local.get $stride)))
                  (local.get $ds))
                (local.get $s2))
              (local.get $s1))))
        (f32x4.ge (local.get $m)
          (v128.bitselect
            (v128.load offset=4 (local.get $p))
            (v128.bitselect
              (v128.load (i32.add (local.get $p) (local.get $stride)))
              (v128.bitselect
                (v128.load offset=4 (i32.add (local.get $p) (local.get $stride)))
                (v128.load (i32.sub (i32.add (local.get $p) (local.get $stride)) (i32.const 4)))
                (local.get $ds))
              (local.get $s2))
            (local.get $s1)))))
    (local.set $hi (v128.and (local.get $keep) (f32x4.gt (local.get $m) (local.get $vhigh))))
    ;; Lane state: 1 per mask (kept, strong), the masks being -1; packed to four bytes.
    (i32.store (i32.add (local.get $state) (local.get $i))
      (i32x4.extract_lane 0
        (i8x16.shuffle 0 4 8 12 0 0 0 0 0 0 0 0 0 0 0 0
          (i32x4.sub (v128.const i32x4 0 0 0 0) (i32x4.add (local.get $keep) (local.get $hi)))
          (local.get $hi))))
    (local.set $bits (i32x4.bitmask (local.get $hi)))
    (block $listed
      (loop $list
        (br_if $listed (i32.eqz (local.get $bits)))
        (i32.store (i32.add (local.get $strong) (i32.shl (local.get $count) (i32.const 2)))
          (i32.add (local.get $i) (i32.ctz (local.get $bits))))
        (local.set $count (i32.add (local.get $count) (i32.const 1)))
        (local.set $bits (i32.and (local.get $bits) (i32.sub (local.get $bits) (i32.const 1))))
        (br $list)))
    (local.get $count))

  ;; The largest float32 not above x (x itself when representable): m > x in f64 for a float32 m
  ;; is then exactly m > f32AtOrBelow(x) in f32.
  (func $f32AtOrBelow (param $x f64) (result f32)
    (local $f f32) (local $bits i32)
    (local.set $f (f32.demote_f64 (local.get $x)))
    (if (result f32) (f64.gt (f64.promote_f32 (local.get $f)) (local.get $x))
      (then
        ;; One ulp down: positive values decrease their bit pattern, negative ones increase it,
        ;; and below +0 lies the smallest negative subnormal.
        (local.set $bits (i32.reinterpret_f32 (local.get $f)))
        (f32.reinterpret_i32
          (if (result i32) (f32.gt (local.get $f) (f32.const 0))
            (then (i32.sub (local.get $bits) (i32.const 1)))
            (else
              (if (result i32) (f32.lt (local.get $f) (f32.const 0))
                (then (i32.add (local.get $bits) (i32.const 1)))
                (else (i32.const 0x80000001)))))))
      (else (local.get $f))))

)
