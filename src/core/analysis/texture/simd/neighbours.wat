;; Per-voxel neighbourhood counts for NGTDM and NGLDM, eight voxels at a time (i16x8): for each
;; centre voxel of a zero-framed plane of u16 grey levels, over the given neighbour offsets,
;;   w = how many neighbours are in the ROI (level != 0),
;;   s = the sum of the neighbours' levels (0 outside the ROI adds nothing),
;;   k = how many neighbours are in the ROI with |level - centre| <= alpha.
;; The caller keeps s and the level difference within 16 bits (levels * neighbours <= 65535),
;; and ignores the results for voxels outside the ROI (the frame, the level-0 voxels).
;;
;; hood: centres from byte address $from for $count voxels (a multiple of 8 is read; the tail
;; past $count reads the frame and writes past the outputs' ends, which the caller leaves room
;; for); $offs holds $n i32 neighbour offsets in bytes; the three u16 outputs are written at
;; $outW, $outS, $outK, 2 bytes per voxel from the first centre.
(module
  (memory (export "memory") 1)
  (func (export "hood")
    (param $from i32) (param $count i32) (param $offs i32) (param $n i32) (param $alpha i32)
    (param $outW i32) (param $outS i32) (param $outK i32)
    (local $c i32) (local $end i32) (local $o i32) (local $oEnd i32) (local $out i32)
    (local $g v128) (local $h v128) (local $in v128) (local $al v128)
    (local $w v128) (local $s v128) (local $k v128)
    (local.set $al (i16x8.splat (local.get $alpha)))
    (local.set $c (local.get $from))
    (local.set $end (i32.add (local.get $from) (i32.shl (local.get $count) (i32.const 1))))
    (local.set $oEnd (i32.add (local.get $offs) (i32.shl (local.get $n) (i32.const 2))))
    (local.set $out (i32.const 0))
    (block $done
      (loop $centres
        (br_if $done (i32.ge_u (local.get $c) (local.get $end)))
        (local.set $g (v128.load (local.get $c)))
        (local.set $w (v128.const i16x8 0 0 0 0 0 0 0 0))
        (local.set $s (v128.const i16x8 0 0 0 0 0 0 0 0))
        (local.set $k (v128.const i16x8 0 0 0 0 0 0 0 0))
        (local.set $o (local.get $offs))
        (block $hoodDone
          (loop $hood
            (br_if $hoodDone (i32.ge_u (local.get $o) (local.get $oEnd)))
            (local.set $h (v128.load (i32.add (local.get $c) (i32.load (local.get $o)))))
            ;; In the ROI: all ones in a lane (-1), so subtracting counts it.
            (local.set $in (v128.not (i16x8.eq (local.get $h) (v128.const i16x8 0 0 0 0 0 0 0 0))))
            (local.set $w (i16x8.sub (local.get $w) (local.get $in)))
            (local.set $s (i16x8.add (local.get $s) (local.get $h)))
            (local.set $k (i16x8.sub (local.get $k)
              (v128.and (local.get $in)
                (i16x8.le_u
                  (i16x8.abs (i16x8.sub (local.get $h) (local.get $g)))
                  (local.get $al)))))
            (local.set $o (i32.add (local.get $o) (i32.const 4)))
            (br $hood)))
        (v128.store (i32.add (local.get $outW) (local.get $out)) (local.get $w))
        (v128.store (i32.add (local.get $outS) (local.get $out)) (local.get $s))
        (v128.store (i32.add (local.get $outK) (local.get $out)) (local.get $k))
        (local.set $out (i32.add (local.get $out) (i32.const 16)))
        (local.set $c (i32.add (local.get $c) (i32.const 16)))
        (br $centres))))
)
