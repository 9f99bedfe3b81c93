;; Grey level run length counting (GLRLM), counted where runs end, for zero-framed planes of u16
;; grey levels (0 = outside the ROI). Each voxel's run length so far is its previous voxel's
;; along the direction plus one when that voxel has the same level, else 1; a voxel whose next
;; voxel differs ends a run of that length, and adds one to counts[8 + (g - 1) * maxRun + len - 1]
;; (i32 cells). Every other voxel (no end, or outside the ROI) adds to one of the spare cells
;; 0..7 instead, one per lane, so there is no branch on the data and no chain of increments of
;; a single cell.
;;
;; runs: eight voxels at a time (i16x8), for a direction whose previous voxel lies in an
;; earlier row or slice (so at least 8 voxels back: the lanes are independent). Centres from
;; byte address $from for $count voxels (a multiple of 8 is read and written; the caller leaves
;; frame room for the tail); $prev and $next are the byte offsets of the previous and next
;; voxel along the direction; run lengths so far are u16 at $lens (2 bytes per voxel from the
;; first centre), the previous voxel's at $lens + $lensPrev. Lengths and levels stay below
;; 65536; the caller checks.
;;
;; row: the same for the direction (1, 0, 0), one voxel at a time (each voxel's length depends
;; on the one just before it); the length so far is kept in a local.
(module
  (memory (export "memory") 1)
  (func (export "runs")
    (param $from i32) (param $count i32) (param $prev i32) (param $next i32)
    (param $lens i32) (param $lensPrev i32) (param $maxRun i32) (param $counts i32)
    (local $c i32) (local $end i32) (local $l i32) (local $a i32)
    (local $g v128) (local $len v128) (local $endm v128) (local $mr v128) (local $bias v128)
    (local $lo v128) (local $hi v128) (local $spareLo v128) (local $spareHi v128)
    (local.set $mr (i16x8.splat (local.get $maxRun)))
    ;; Address of cell (g, len): counts + 4 (8 + (g - 1) maxRun + len - 1)
    ;;   = 4 (g maxRun + len) + counts + 4 (7 - maxRun).
    (local.set $bias (i32x4.splat (i32.add (local.get $counts)
      (i32.shl (i32.sub (i32.const 7) (local.get $maxRun)) (i32.const 2)))))
    ;; The spare cells' addresses, one per lane.
    (local.set $spareLo (i32x4.add (i32x4.splat (local.get $counts)) (v128.const i32x4 0 4 8 12)))
    (local.set $spareHi (i32x4.add (i32x4.splat (local.get $counts)) (v128.const i32x4 16 20 24 28)))
    (local.set $c (local.get $from))
    (local.set $l (local.get $lens))
    (local.set $end (i32.add (local.get $from) (i32.shl (local.get $count) (i32.const 1))))
    (block $done
      (loop $voxels
        (br_if $done (i32.ge_u (local.get $c) (local.get $end)))
        (local.set $g (v128.load (local.get $c)))
        ;; len = (previous length where the previous level is the same) + 1.
        (local.set $len
          (i16x8.add
            (v128.and
              (v128.load (i32.add (local.get $l) (local.get $lensPrev)))
              (i16x8.eq (v128.load (i32.add (local.get $c) (local.get $prev))) (local.get $g)))
            (v128.const i16x8 1 1 1 1 1 1 1 1)))
        (v128.store (local.get $l) (local.get $len))
        ;; A run ends here: in the ROI, and the next voxel's level differs.
        (local.set $endm
          (v128.andnot
            (i16x8.ne (v128.load (i32.add (local.get $c) (local.get $next))) (local.get $g))
            (i16x8.eq (local.get $g) (v128.const i16x8 0 0 0 0 0 0 0 0))))
        (local.set $lo
          (v128.bitselect
            (i32x4.add
              (i32x4.shl
                (i32x4.add
                  (i32x4.extmul_low_i16x8_u (local.get $g) (local.get $mr))
                  (i32x4.extend_low_i16x8_u (local.get $len)))
                (i32.const 2))
              (local.get $bias))
            (local.get $spareLo)
            (i32x4.extend_low_i16x8_s (local.get $endm))))
        (local.set $hi
          (v128.bitselect
            (i32x4.add
              (i32x4.shl
                (i32x4.add
                  (i32x4.extmul_high_i16x8_u (local.get $g) (local.get $mr))
                  (i32x4.extend_high_i16x8_u (local.get $len)))
                (i32.const 2))
              (local.get $bias))
            (local.get $spareHi)
            (i32x4.extend_high_i16x8_s (local.get $endm))))
        (local.set $a (i32x4.extract_lane 0 (local.get $lo)))
        (i32.store (local.get $a) (i32.add (i32.load (local.get $a)) (i32.const 1)))
        (local.set $a (i32x4.extract_lane 1 (local.get $lo)))
        (i32.store (local.get $a) (i32.add (i32.load (local.get $a)) (i32.const 1)))
        (local.set $a (i32x4.extract_lane 2 (local.get $lo)))
        (i32.store (local.get $a) (i32.add (i32.load (local.get $a)) (i32.const 1)))
        (local.set $a (i32x4.extract_lane 3 (local.get $lo)))
        (i32.store (local.get $a) (i32.add (i32.load (local.get $a)) (i32.const 1)))
        (local.set $a (i32x4.extract_lane 0 (local.get $hi)))
        (i32.store (local.get $a) (i32.add (i32.load (local.get $a)) (i32.const 1)))
        (local.set $a (i32x4.extract_lane 1 (local.get $hi)))
        (i32.store (local.get $a) (i32.add (i32.load (local.get $a)) (i32.const 1)))
        (local.set $a (i32x4.extract_lane 2 (local.get $hi)))
        (i32.store (local.get $a) (i32.add (i32.load (local.get $a)) (i32.const 1)))
        (local.set $a (i32x4.extract_lane 3 (local.get $hi)))
        (i32.store (local.get $a) (i32.add (i32.load (local.get $a)) (i32.const 1)))
        (local.set $c (i32.add (local.get $c) (i32.const 16)))
        (local.set $l (i32.add (local.get $l) (i32.const 16)))
        (br $voxels))))

  (func (export "row")
    (param $from i32) (param $count i32) (param $maxRun i32) (param $counts i32)
    (local $c i32) (local $end i32) (local $g i32) (local $len i32) (local $bias i32) (local $a i32)
    (local.set $bias (i32.sub (i32.const 7) (local.get $maxRun)))
    (local.set $c (local.get $from))
    (local.set $end (i32.add (local.get $from) (i32.shl (local.get $count) (i32.const 1))))
    (local.set $len (i32.const 0))
    (block $done
      (loop $voxels
        (br_if $done (i32.ge_u (local.get $c) (local.get $end)))
        (local.set $g (i32.load16_u (local.get $c)))
        (local.set $len
          (select
            (i32.add (local.get $len) (i32.const 1))
            (i32.const 1)
            (i32.eq (i32.load16_u (i32.sub (local.get $c) (i32.const 2))) (local.get $g))))
        ;; The cell: (g, len) where a run ends in the ROI, else this voxel's lane's spare.
        (local.set $a
          (select
            (i32.add
              (i32.add (i32.mul (local.get $g) (local.get $maxRun)) (local.get $len))
              (local.get $bias))
            (i32.and (i32.shr_u (local.get $c) (i32.const 1)) (i32.const 7))
            (i32.and
              (i32.ne (i32.load16_u (i32.add (local.get $c) (i32.const 2))) (local.get $g))
              (i32.ne (local.get $g) (i32.const 0)))))
        (local.set $a (i32.add (local.get $counts) (i32.shl (local.get $a) (i32.const 2))))
        (i32.store (local.get $a) (i32.add (i32.load (local.get $a)) (i32.const 1)))
        (local.set $c (i32.add (local.get $c) (i32.const 2)))
        (br $voxels))))
)
