;; WASM SIMD (f32x4) separable blur with any odd symmetric kernel, reflect-101 borders, in a
;; memory the module does not own: it imports its memory, so it runs on another module's planes
;; (a Canny workspace's, say). All pointers are byte offsets into that memory; images are
;; row-major float32; the caller provides every byte the kernel touches (no data, no scratch
;; of its own):
;;   src, dst  w h floats each (may be the same plane),
;;   tmp       w h floats for the rows pass (must overlap neither src nor dst),
;;   taps      r + 1 floats: the kernel's centre tap, then the taps 1 .. r away from it.
;; Needs w > r and h > r (one mirroring reaches every border sample).
(module
  (import "env" "memory" (memory 1))

  ;; Rows src -> tmp, then columns tmp -> dst. Interior samples are f32x4 lanes with folded
  ;; taps (kc c + k1 (l1 + r1) + k2 (l2 + r2) ...); the first and last r columns are ordered
  ;; float64 sums, as gaussianBlur() computes them; the first and last r rows accumulate the
  ;; mirrored rows one tap at a time (f32x4 lanes, same folded order).
  (func (export "blur")
    (param $src i32) (param $dst i32) (param $tmp i32) (param $taps i32)
    (param $w i32) (param $h i32) (param $r i32)
    (local $y i32) (local $x i32) (local $x1 i32) (local $s i32) (local $d i32)
    (local $stride i32) (local $tapEnd i32)
    (local.set $stride (i32.shl (local.get $w) (i32.const 2)))
    (local.set $tapEnd (i32.add (local.get $taps) (i32.shl (local.get $r) (i32.const 2))))
    ;; x1 = max(r, w - r): columns r .. x1 - 1 are the interior.
    (local.set $x1 (i32.sub (local.get $w) (local.get $r)))
    (if (i32.lt_s (local.get $x1) (local.get $r)) (then (local.set $x1 (local.get $r))))
    (local.set $s (local.get $src))
    (local.set $d (local.get $tmp))
    (block $rowsDone
      (loop $rows
        (br_if $rowsDone (i32.ge_s (local.get $y) (local.get $h)))
        (call $run
          (i32.add (local.get $s) (i32.shl (local.get $r) (i32.const 2)))
          (i32.add (local.get $d) (i32.shl (local.get $r) (i32.const 2)))
          (i32.sub (local.get $x1) (local.get $r))
          (i32.const 4) (local.get $taps) (local.get $tapEnd))
        ;; Border columns x = 0 .. r-1, each with its mirror w-1-x where that is a border column
        ;; (every right border column is one: w - 1 - x >= x1 for x < w - x1 <= r).
        (local.set $x (i32.const 0))
        (block $edgesDone
          (loop $edges
            (br_if $edgesDone (i32.ge_s (local.get $x) (local.get $r)))
            (call $edgeColumns (local.get $s) (local.get $d) (local.get $x)
              (select (i32.sub (i32.sub (local.get $w) (i32.const 1)) (local.get $x)) (local.get $x)
                (i32.ge_s (i32.sub (i32.sub (local.get $w) (i32.const 1)) (local.get $x)) (local.get $x1)))
              (local.get $w) (local.get $taps) (local.get $r))
            (local.set $x (i32.add (local.get $x) (i32.const 1)))
            (br $edges)))
        (local.set $s (i32.add (local.get $s) (local.get $stride)))
        (local.set $d (i32.add (local.get $d) (local.get $stride)))
        (local.set $y (i32.add (local.get $y) (i32.const 1)))
        (br $rows)))
    ;; Rows r .. h-r-1 of the columns pass are one contiguous run (no row has a border there).
    (if (i32.gt_s (local.get $h) (i32.shl (local.get $r) (i32.const 1)))
      (then
        (call $run
          (i32.add (local.get $tmp) (i32.mul (local.get $r) (local.get $stride)))
          (i32.add (local.get $dst) (i32.mul (local.get $r) (local.get $stride)))
          (i32.mul (i32.sub (local.get $h) (i32.shl (local.get $r) (i32.const 1))) (local.get $w))
          (local.get $stride) (local.get $taps) (local.get $tapEnd))))
    ;; Border rows: the first r and the last r (rows max(r, h - r) .. h - 1).
    (local.set $y (i32.const 0))
    (block $topDone
      (loop $top
        (br_if $topDone (i32.ge_s (local.get $y) (local.get $r)))
        (call $borderRow (local.get $tmp) (local.get $dst) (local.get $y) (local.get $h)
          (local.get $stride) (local.get $taps) (local.get $r))
        (local.set $y (i32.add (local.get $y) (i32.const 1)))
        (br $top)))
    (local.set $y (i32.sub (local.get $h) (local.get $r)))
    (if (i32.lt_s (local.get $y) (local.get $r)) (then (local.set $y (local.get $r))))
    (block $bottomDone
      (loop $bottom
        (br_if $bottomDone (i32.ge_s (local.get $y) (local.get $h)))
        (call $borderRow (local.get $tmp) (local.get $dst) (local.get $y) (local.get $h)
          (local.get $stride) (local.get $taps) (local.get $r))
        (local.set $y (i32.add (local.get $y) (i32.const 1)))
        (br $bottom))))

  ;; Folded sums for n consecutive samples from p into q, the kernel's neighbours step bytes
  ;; apart (4 along a row, the row stride down a column): four f32x4 vectors at a time, then one,
  ;; then one more ending at the run's last sample (recomputing up to 3 identical values); runs
  ;; under 4 samples are scalar with the same arithmetic. taps >= 1 tap beyond the centre.
  (func $run
    (param $p i32) (param $q i32) (param $n i32) (param $step i32) (param $taps i32)
    (param $tapEnd i32)
    (local $end i32) (local $l i32) (local $rt i32) (local $tp i32)
    (local $kc v128) (local $k v128) (local $a0 v128) (local $a1 v128) (local $a2 v128)
    (local $a3 v128)
    (local $acc f32)
    (local.set $kc (v128.load32_splat (local.get $taps)))
    (local.set $end (i32.add (local.get $p) (i32.shl (local.get $n) (i32.const 2))))
    (block $blocksDone
      (loop $blocks
        (br_if $blocksDone (i32.gt_u (i32.add (local.get $p) (i32.const 64)) (local.get $end)))
        (local.set $a0 (f32x4.mul (local.get $kc) (v128.load offset=0 (local.get $p))))
        (local.set $a1 (f32x4.mul (local.get $kc) (v128.load offset=16 (local.get $p))))
        (local.set $a2 (f32x4.mul (local.get $kc) (v128.load offset=32 (local.get $p))))
        (local.set $a3 (f32x4.mul (local.get $kc) (v128.load offset=48 (local.get $p))))
        (local.set $l (local.get $p))
        (local.set $rt (local.get $p))
        (local.set $tp (local.get $taps))
        (loop $tap
          (local.set $l (i32.sub (local.get $l) (local.get $step)))
          (local.set $rt (i32.add (local.get $rt) (local.get $step)))
          (local.set $tp (i32.add (local.get $tp) (i32.const 4)))
          (local.set $k (v128.load32_splat (local.get $tp)))
          (local.set $a0 (f32x4.add (local.get $a0) (f32x4.mul (local.get $k)
            (f32x4.add (v128.load offset=0 (local.get $l)) (v128.load offset=0 (local.get $rt))))))
          (local.set $a1 (f32x4.add (local.get $a1) (f32x4.mul (local.get $k)
            (f32x4.add (v128.load offset=16 (local.get $l)) (v128.load offset=16 (local.get $rt))))))
          (local.set $a2 (f32x4.add (local.get $a2) (f32x4.mul (local.get $k)
            (f32x4.add (v128.load offset=32 (local.get $l)) (v128.load offset=32 (local.get $rt))))))
          (local.set $a3 (f32x4.add (local.get $a3) (f32x4.mul (local.get $k)
            (f32x4.add (v128.load offset=48 (local.get $l)) (v128.load offset=48 (local.get $rt))))))
          (br_if $tap (i32.ne (local.get $tp) (local.get $tapEnd))))
        (v128.store offset=0 (local.get $q) (local.get $a0))
        (v128.store offset=16 (local.get $q) (local.get $a1))
        (v128.store offset=32 (local.get $q) (local.get $a2))
        (v128.store offset=48 (local.get $q) (local.get $a3))
        (local.set $p (i32.add (local.get $p) (i32.const 64)))
        (local.set $q (i32.add (local.get $q) (i32.const 64)))
        (br $blocks)))
    (block $vectorsDone
      (loop $vectors
        (br_if $vectorsDone (i32.gt_u (i32.add (local.get $p) (i32.const 16)) (local.get $end)))
        (call $vector (local.get $p) (local.get $q) (local.get $step) (local.get $taps)
          (local.get $tapEnd) (local.get $kc))
        (local.set $p (i32.add (local.get $p) (i32.const 16)))
        (local.set $q (i32.add (local.get $q) (i32.const 16)))
        (br $vectors)))
    (if (i32.ge_u (local.get $p) (local.get $end)) (then (return)))
    (if (i32.ge_s (local.get $n) (i32.const 4))
      (then
        ;; Shift back so the vector ends at the last sample.
        (local.set $l (i32.sub (i32.sub (local.get $end) (i32.const 16)) (local.get $p)))
        (call $vector (i32.add (local.get $p) (local.get $l)) (i32.add (local.get $q) (local.get $l))
          (local.get $step) (local.get $taps) (local.get $tapEnd) (local.get $kc))
        (return)))
    (loop $scalars
      (local.set $acc (f32.mul (f32.load (local.get $taps)) (f32.load (local.get $p))))
      (local.set $l (local.get $p))
      (local.set $rt (local.get $p))
      (local.set $tp (local.get $taps))
      (loop $tap
        (local.set $l (i32.sub (local.get $l) (local.get $step)))
        (local.set $rt (i32.add (local.get $rt) (local.get $step)))
        (local.set $tp (i32.add (local.get $tp) (i32.const 4)))
        (local.set $acc (f32.add (local.get $acc) (f32.mul (f32.load (local.get $tp))
          (f32.add (f32.load (local.get $l)) (f32.load (local.get $rt))))))
        (br_if $tap (i32.ne (local.get $tp) (local.get $tapEnd))))
      (f32.store (local.get $q) (local.get $acc))
      (local.set $p (i32.add (local.get $p) (i32.const 4)))
      (local.set $q (i32.add (local.get $q) (i32.const 4)))
      (br_if $scalars (i32.lt_u (local.get $p) (local.get $end)))))

  ;; One f32x4 vector of folded sums at p into q (neighbours step bytes apart).
  (func $vector
    (param $p i32) (param $q i32) (param $step i32) (param $taps i32) (param $tapEnd i32)
    (param $kc v128)
    (local $l i32) (local $rt i32) (local $tp i32) (local $a v128)
    (local.set $a (f32x4.mul (local.get $kc) (v128.load (local.get $p))))
    (local.set $l (local.get $p))
    (local.set $rt (local.get $p))
    (local.set $tp (local.get $taps))
    (loop $tap
      (local.set $l (i32.sub (local.get $l) (local.get $step)))
      (local.set $rt (i32.add (local.get $rt) (local.get $step)))
      (local.set $tp (i32.add (local.get $tp) (i32.const 4)))
      (local.set $a (f32x4.add (local.get $a) (f32x4.mul (v128.load32_splat (local.get $tp))
        (f32x4.add (v128.load (local.get $l)) (v128.load (local.get $rt))))))
      (br_if $tap (i32.ne (local.get $tp) (local.get $tapEnd))))
    (v128.store (local.get $q) (local.get $a)))

  ;; Columns x and y of a row s into the row d (y may equal x): sum over t = -r .. r of
  ;; k[|t|] s[reflect101(x + t)] in float64, in that order (gaussianBlur()'s edge sum, to the
  ;; bit); two columns, so two independent chains of additions.
  (func $edgeColumns
    (param $s i32) (param $d i32) (param $x i32) (param $y i32) (param $w i32) (param $taps i32)
    (param $r i32)
    (local $t i32) (local $i i32) (local $j i32) (local $w2 i32) (local $k f64)
    (local $a f64) (local $b f64)
    (local.set $w2 (i32.sub (i32.shl (local.get $w) (i32.const 1)) (i32.const 2)))
    (local.set $t (i32.sub (i32.const 0) (local.get $r)))
    (loop $tap
      (local.set $k (f64.promote_f32 (f32.load (i32.add (local.get $taps) (i32.shl
        (select (i32.sub (i32.const 0) (local.get $t)) (local.get $t)
          (i32.lt_s (local.get $t) (i32.const 0)))
        (i32.const 2))))))
      (local.set $i (i32.add (local.get $x) (local.get $t)))
      (local.set $i (select (i32.sub (i32.const 0) (local.get $i)) (local.get $i)
        (i32.lt_s (local.get $i) (i32.const 0))))
      (local.set $i (select (i32.sub (local.get $w2) (local.get $i)) (local.get $i)
        (i32.ge_s (local.get $i) (local.get $w))))
      (local.set $j (i32.add (local.get $y) (local.get $t)))
      (local.set $j (select (i32.sub (i32.const 0) (local.get $j)) (local.get $j)
        (i32.lt_s (local.get $j) (i32.const 0))))
      (local.set $j (select (i32.sub (local.get $w2) (local.get $j)) (local.get $j)
        (i32.ge_s (local.get $j) (local.get $w))))
      (local.set $a (f64.add (local.get $a) (f64.mul (local.get $k)
        (f64.promote_f32 (f32.load (i32.add (local.get $s) (i32.shl (local.get $i) (i32.const 2))))))))
      (local.set $b (f64.add (local.get $b) (f64.mul (local.get $k)
        (f64.promote_f32 (f32.load (i32.add (local.get $s) (i32.shl (local.get $j) (i32.const 2))))))))
      (local.set $t (i32.add (local.get $t) (i32.const 1)))
      (br_if $tap (i32.le_s (local.get $t) (local.get $r))))
    (f32.store (i32.add (local.get $d) (i32.shl (local.get $x) (i32.const 2)))
      (f32.demote_f64 (local.get $a)))
    (f32.store (i32.add (local.get $d) (i32.shl (local.get $y) (i32.const 2)))
      (f32.demote_f64 (local.get $b))))

  ;; Row y of the columns pass near the top or bottom: the mirrored rows' folded sums, one tap at
  ;; a time over the whole row (dst accumulates; f32x4 lanes, then single samples).
  (func $borderRow
    (param $tmp i32) (param $dst i32) (param $y i32) (param $h i32) (param $stride i32)
    (param $taps i32) (param $r i32)
    (local $c i32) (local $o i32) (local $a i32) (local $b i32) (local $i i32) (local $vecEnd i32)
    (local $tp i32) (local $t i32) (local $k v128) (local $ks f32)
    (local.set $c (i32.add (local.get $tmp) (i32.mul (local.get $y) (local.get $stride))))
    (local.set $o (i32.add (local.get $dst) (i32.mul (local.get $y) (local.get $stride))))
    (local.set $vecEnd (i32.and (local.get $stride) (i32.const -16)))
    (local.set $ks (f32.load (local.get $taps)))
    (local.set $k (f32x4.splat (local.get $ks)))
    (local.set $i (i32.const 0))
    (block $done
      (loop $vec
        (br_if $done (i32.ge_u (local.get $i) (local.get $vecEnd)))
        (v128.store (i32.add (local.get $o) (local.get $i))
          (f32x4.mul (local.get $k) (v128.load (i32.add (local.get $c) (local.get $i)))))
        (local.set $i (i32.add (local.get $i) (i32.const 16)))
        (br $vec)))
    (block $done
      (loop $one
        (br_if $done (i32.ge_u (local.get $i) (local.get $stride)))
        (f32.store (i32.add (local.get $o) (local.get $i))
          (f32.mul (local.get $ks) (f32.load (i32.add (local.get $c) (local.get $i)))))
        (local.set $i (i32.add (local.get $i) (i32.const 4)))
        (br $one)))
    (local.set $t (i32.const 1))
    (block $tapsDone
      (loop $tap
        (br_if $tapsDone (i32.gt_s (local.get $t) (local.get $r)))
        (local.set $a (i32.add (local.get $tmp) (i32.mul (local.get $stride)
          (call $reflect (i32.sub (local.get $y) (local.get $t)) (local.get $h)))))
        (local.set $b (i32.add (local.get $tmp) (i32.mul (local.get $stride)
          (call $reflect (i32.add (local.get $y) (local.get $t)) (local.get $h)))))
        (local.set $ks (f32.load (i32.add (local.get $taps) (i32.shl (local.get $t) (i32.const 2)))))
        (local.set $k (f32x4.splat (local.get $ks)))
        (local.set $i (i32.const 0))
        (block $done
          (loop $vec
            (br_if $done (i32.ge_u (local.get $i) (local.get $vecEnd)))
            (v128.store (i32.add (local.get $o) (local.get $i))
              (f32x4.add (v128.load (i32.add (local.get $o) (local.get $i)))
                (f32x4.mul (local.get $k)
                  (f32x4.add (v128.load (i32.add (local.get $a) (local.get $i)))
                    (v128.load (i32.add (local.get $b) (local.get $i)))))))
            (local.set $i (i32.add (local.get $i) (i32.const 16)))
            (br $vec)))
        (block $done
          (loop $one
            (br_if $done (i32.ge_u (local.get $i) (local.get $stride)))
            (f32.store (i32.add (local.get $o) (local.get $i))
              (f32.add (f32.load (i32.add (local.get $o) (local.get $i)))
                (f32.mul (local.get $ks)
                  (f32.add (f32.load (i32.add (local.get $a) (local.get $i)))
                    (f32.load (i32.add (local.get $b) (local.get $i)))))))
            (local.set $i (i32.add (local.get $i) (i32.const 4)))
            (br $one)))
        (local.set $t (i32.add (local.get $t) (i32.const 1)))
        (br $tap))))

  ;; Mirror index i into [0, n) for -n < i < 2n - 1 (reflect-101: the edge sample is not repeated).
  (func $reflect (param $i i32) (param $n i32) (result i32)
    (if (result i32) (i32.lt_s (local.get $i) (i32.const 0))
      (then (i32.sub (i32.const 0) (local.get $i)))
      (else
        (select (i32.sub (i32.sub (i32.shl (local.get $n) (i32.const 1)) (i32.const 2)) (local.get $i))
          (local.get $i)
          (i32.ge_s (local.get $i) (local.get $n)))))))
