;; Zone labelling (zones.ts's labelZones) a slice at a time, in plain WebAssembly (no bounds
;; checks): the same runs, the same union-find and the same renumbering, so the same zones in
;; the same order. All arrays are i32 in this module's memory, placed by `layout`:
;;   runs      4 i32 a run (first x, last x, level, label), slice A's runs from 0, slice B's
;;             from `plane`;
;;   ending    per voxel of the two slices, the first run of its row ending at or after it;
;;   parent, level, size, min, remap: per label (union-find parent; at each root its zone's
;;             level, voxel count and smallest border distance; remap is -1 between slices);
;;   levels    the slice's u16 grey levels (the caller copies them in).
;; `slice` labels one slice's runs; `finish` writes the zones no run of that slice reaches to
;; `out` (level, size, min triples) and renumbers the live labels 0, 1, ...; `flush` writes
;; the zones still live after the last slice.
(module
  (memory (export "memory") 1)
  (global $runs (mut i32) (i32.const 0))
  (global $ending (mut i32) (i32.const 0))
  (global $parent (mut i32) (i32.const 0))
  (global $level (mut i32) (i32.const 0))
  (global $size (mut i32) (i32.const 0))
  (global $min (mut i32) (i32.const 0))
  (global $remap (mut i32) (i32.const 0))
  (global $levels (mut i32) (i32.const 0))
  (global $labels (mut i32) (i32.const 0))

  (func (export "layout")
    (param $runs i32) (param $ending i32) (param $parent i32) (param $level i32)
    (param $size i32) (param $min i32) (param $remap i32) (param $levels i32)
    (global.set $runs (local.get $runs))
    (global.set $ending (local.get $ending))
    (global.set $parent (local.get $parent))
    (global.set $level (local.get $level))
    (global.set $size (local.get $size))
    (global.set $min (local.get $min))
    (global.set $remap (local.get $remap))
    (global.set $levels (local.get $levels))
    (global.set $labels (i32.const 0)))

  (func $find (param $l i32) (result i32)
    (local $up i32)
    (block $done
      (loop $climb
        (br_if $done (i32.eq (i32.load (i32.add (global.get $parent) (i32.shl (local.get $l) (i32.const 2))))
                             (local.get $l)))
        (local.set $up (i32.load (i32.add (global.get $parent) (i32.shl (i32.load (i32.add (global.get $parent) (i32.shl (local.get $l) (i32.const 2)))) (i32.const 2)))))
        (i32.store (i32.add (global.get $parent) (i32.shl (local.get $l) (i32.const 2))) (local.get $up))
        (local.set $l (local.get $up))
        (br $climb)))
    (local.get $l))

  ;; Labels the runs of one slice (nx by ny levels at $levels). cur: the first run number (and
  ;; ending index) of this slice's slot, prev: the previous slice's; rowsCur / rowsPrev: byte
  ;; addresses of the slices' per-row first run numbers (ny + 1 each); hasPrev: whether there is
  ;; a previous slice. boxMode: distances are a box's (zMin: the slice's own bound, NONE for an
  ;; in-plane box), else none (min stays NONE). Returns the number past the slice's last run.
  (func (export "slice")
    (param $nx i32) (param $ny i32) (param $cur i32) (param $prev i32)
    (param $rowsCur i32) (param $rowsPrev i32) (param $hasPrev i32)
    (param $boxMode i32) (param $zMin i32)
    (result i32)
    (local $n i32) (local $y i32) (local $nc i32) (local $yy i32) (local $last i32)
    (local $rowSlot i32) (local $row i32) (local $rowMin i32) (local $x i32) (local $g i32)
    (local $s i32) (local $e i32) (local $mn i32) (local $root i32) (local $k i32)
    (local $q i32) (local $end i32) (local $qa i32) (local $lq i32) (local $l i32)
    (local $keep i32) (local $gone i32)
    (local $c0 i32) (local $c1 i32) (local $c2 i32) (local $c3 i32)
    (local $e0 i32) (local $e1 i32) (local $e2 i32) (local $e3 i32)
    (local $ca i32) (local $ce i32) (local $lim i32)
    (local.set $n (local.get $cur))
    (local.set $y (i32.const 0))
    (block $rowsDone
      (loop $rows
        (br_if $rowsDone (i32.ge_u (local.get $y) (local.get $ny)))
        (i32.store (i32.add (local.get $rowsCur) (i32.shl (local.get $y) (i32.const 2))) (local.get $n))
        ;; Candidate rows: ending index of the row's first voxel, and the number past its runs.
        (local.set $nc (i32.const 0))
        (if (i32.gt_u (local.get $y) (i32.const 0))
          (then
            (local.set $c0 (i32.add (local.get $cur)
              (i32.mul (i32.sub (local.get $y) (i32.const 1)) (local.get $nx))))
            (local.set $e0 (local.get $n))
            (local.set $nc (i32.const 1))))
        (if (local.get $hasPrev)
          (then
            (local.set $yy (select (i32.sub (local.get $y) (i32.const 1)) (i32.const 0)
              (i32.gt_u (local.get $y) (i32.const 0))))
            (local.set $last (select (i32.add (local.get $y) (i32.const 1)) (local.get $y)
              (i32.lt_u (i32.add (local.get $y) (i32.const 1)) (local.get $ny))))
            (block $prevDone
              (loop $prevRows
                (br_if $prevDone (i32.gt_u (local.get $yy) (local.get $last)))
                (local.set $ca (i32.add (local.get $prev) (i32.mul (local.get $yy) (local.get $nx))))
                (local.set $ce (i32.load (i32.add (local.get $rowsPrev) (i32.shl (i32.add (local.get $yy) (i32.const 1)) (i32.const 2)))))
                (if (i32.eq (local.get $nc) (i32.const 0))
                  (then (local.set $c0 (local.get $ca)) (local.set $e0 (local.get $ce)))
                  (else (if (i32.eq (local.get $nc) (i32.const 1))
                    (then (local.set $c1 (local.get $ca)) (local.set $e1 (local.get $ce)))
                    (else (if (i32.eq (local.get $nc) (i32.const 2))
                      (then (local.set $c2 (local.get $ca)) (local.set $e2 (local.get $ce)))
                      (else (local.set $c3 (local.get $ca)) (local.set $e3 (local.get $ce))))))))
                (local.set $nc (i32.add (local.get $nc) (i32.const 1)))
                (local.set $yy (i32.add (local.get $yy) (i32.const 1)))
                (br $prevRows)))))
        (local.set $rowSlot (i32.add (local.get $cur) (i32.mul (local.get $y) (local.get $nx))))
        (local.set $row (i32.mul (local.get $y) (local.get $nx)))
        (local.set $rowMin (i32.const 0x7fffffff))
        (if (local.get $boxMode)
          (then
            ;; min(y + 1, ny - y, zMin)
            (local.set $rowMin (select (i32.add (local.get $y) (i32.const 1))
              (i32.sub (local.get $ny) (local.get $y))
              (i32.lt_s (i32.add (local.get $y) (i32.const 1)) (i32.sub (local.get $ny) (local.get $y)))))
            (local.set $rowMin (select (local.get $rowMin) (local.get $zMin)
              (i32.lt_s (local.get $rowMin) (local.get $zMin))))))
        (local.set $x (i32.const 0))
        (block $xDone
          (loop $xs
            (br_if $xDone (i32.ge_u (local.get $x) (local.get $nx)))
            (local.set $g (i32.load16_u (i32.add (global.get $levels)
              (i32.shl (i32.add (local.get $row) (local.get $x)) (i32.const 1)))))
            (i32.store (i32.add (global.get $ending) (i32.shl (i32.add (local.get $rowSlot) (local.get $x)) (i32.const 2)))
              (local.get $n))
            (local.set $s (local.get $x))
            (local.set $x (i32.add (local.get $x) (i32.const 1)))
            (if (i32.eqz (local.get $g)) (then (br $xs)))
            ;; The rest of the run.
            (block $runDone
              (loop $run
                (br_if $runDone (i32.ge_u (local.get $x) (local.get $nx)))
                (br_if $runDone (i32.ne (i32.load16_u (i32.add (global.get $levels)
                  (i32.shl (i32.add (local.get $row) (local.get $x)) (i32.const 1)))) (local.get $g)))
                (i32.store (i32.add (global.get $ending) (i32.shl (i32.add (local.get $rowSlot) (local.get $x)) (i32.const 2)))
                  (local.get $n))
                (local.set $x (i32.add (local.get $x) (i32.const 1)))
                (br $run)))
            (local.set $e (i32.sub (local.get $x) (i32.const 1)))
            (local.set $mn (i32.const 0x7fffffff))
            (if (local.get $boxMode)
              (then (local.set $mn (select (local.get $rowMin) (select (i32.add (local.get $s) (i32.const 1)) (i32.sub (local.get $nx) (local.get $e)) (i32.lt_s (i32.add (local.get $s) (i32.const 1)) (i32.sub (local.get $nx) (local.get $e)))) (i32.lt_s (local.get $rowMin) (select (i32.add (local.get $s) (i32.const 1)) (i32.sub (local.get $nx) (local.get $e)) (i32.lt_s (i32.add (local.get $s) (i32.const 1)) (i32.sub (local.get $nx) (local.get $e)))))))))
            ;; Join the zones of touching runs of level g in the candidate rows.
            (local.set $root (i32.const -1))
            (local.set $lim (i32.add (local.get $e) (i32.const 1)))
            (local.set $k (i32.const 0))
            (block $candDone
              (loop $cands
                (br_if $candDone (i32.ge_u (local.get $k) (local.get $nc)))
                (if (i32.eq (local.get $k) (i32.const 0))
                  (then (local.set $ca (local.get $c0)) (local.set $end (local.get $e0)))
                  (else (if (i32.eq (local.get $k) (i32.const 1))
                    (then (local.set $ca (local.get $c1)) (local.set $end (local.get $e1)))
                    (else (if (i32.eq (local.get $k) (i32.const 2))
                      (then (local.set $ca (local.get $c2)) (local.set $end (local.get $e2)))
                      (else (local.set $ca (local.get $c3)) (local.set $end (local.get $e3))))))))
                (local.set $q (i32.load (i32.add (global.get $ending) (i32.shl (i32.add (local.get $ca)
                    (select (i32.sub (local.get $s) (i32.const 1)) (i32.const 0)
                      (i32.gt_u (local.get $s) (i32.const 0)))) (i32.const 2)))))
                (block $qDone
                  (loop $qs
                    (br_if $qDone (i32.ge_s (local.get $q) (local.get $end)))
                    (local.set $qa (i32.add (global.get $runs) (i32.shl (local.get $q) (i32.const 4))))
                    (br_if $qDone (i32.gt_s (i32.load (local.get $qa)) (local.get $lim)))
                    (if (i32.eq (i32.load offset=8 (local.get $qa)) (local.get $g))
                      (then
                        (local.set $lq (i32.load offset=12 (local.get $qa)))
                        (if (i32.ne (local.get $lq) (local.get $root))
                          (then
                            (local.set $l (call $find (local.get $lq)))
                            (i32.store offset=12 (local.get $qa) (local.get $l))
                            (if (i32.lt_s (local.get $root) (i32.const 0))
                              (then (local.set $root (local.get $l)))
                              (else (if (i32.ne (local.get $l) (local.get $root))
                                (then
                                  (local.set $keep (select (local.get $l) (local.get $root)
                                    (i32.lt_s (local.get $l) (local.get $root))))
                                  (local.set $gone (select (local.get $root) (local.get $l)
                                    (i32.lt_s (local.get $l) (local.get $root))))
                                  (i32.store (i32.add (global.get $parent) (i32.shl (local.get $gone) (i32.const 2)))
                                    (local.get $keep))
                                  (i32.store (i32.add (global.get $size) (i32.shl (local.get $keep) (i32.const 2)))
                                    (i32.add (i32.load (i32.add (global.get $size) (i32.shl (local.get $keep) (i32.const 2))))
                                             (i32.load (i32.add (global.get $size) (i32.shl (local.get $gone) (i32.const 2))))))
                                  (if (i32.lt_s (i32.load (i32.add (global.get $min) (i32.shl (local.get $gone) (i32.const 2))))
                                                (i32.load (i32.add (global.get $min) (i32.shl (local.get $keep) (i32.const 2)))))
                                    (then (i32.store (i32.add (global.get $min) (i32.shl (local.get $keep) (i32.const 2)))
                                      (i32.load (i32.add (global.get $min) (i32.shl (local.get $gone) (i32.const 2)))))))
                                  (local.set $root (local.get $keep))))))))))
                    (local.set $q (i32.add (local.get $q) (i32.const 1)))
                    (br $qs)))
                (local.set $k (i32.add (local.get $k) (i32.const 1)))
                (br $cands)))
            (if (i32.lt_s (local.get $root) (i32.const 0))
              (then
                (local.set $root (global.get $labels))
                (global.set $labels (i32.add (global.get $labels) (i32.const 1)))
                ;; remap is -1 for every label below $labels between slices (finish resets it).
                (i32.store (i32.add (global.get $remap) (i32.shl (local.get $root) (i32.const 2)))
                  (i32.const -1))
                (i32.store (i32.add (global.get $parent) (i32.shl (local.get $root) (i32.const 2))) (local.get $root))
                (i32.store (i32.add (global.get $level) (i32.shl (local.get $root) (i32.const 2))) (local.get $g))
                (i32.store (i32.add (global.get $size) (i32.shl (local.get $root) (i32.const 2))) (i32.const 0))
                (i32.store (i32.add (global.get $min) (i32.shl (local.get $root) (i32.const 2))) (i32.const 0x7fffffff))))
            (i32.store (i32.add (global.get $size) (i32.shl (local.get $root) (i32.const 2)))
              (i32.add (i32.load (i32.add (global.get $size) (i32.shl (local.get $root) (i32.const 2))))
                       (i32.add (i32.sub (local.get $e) (local.get $s)) (i32.const 1))))
            (if (i32.lt_s (local.get $mn) (i32.load (i32.add (global.get $min) (i32.shl (local.get $root) (i32.const 2)))))
              (then (i32.store (i32.add (global.get $min) (i32.shl (local.get $root) (i32.const 2))) (local.get $mn))))
            (local.set $qa (i32.add (global.get $runs) (i32.shl (local.get $n) (i32.const 4))))
            (i32.store (local.get $qa) (local.get $s))
            (i32.store offset=4 (local.get $qa) (local.get $e))
            (i32.store offset=8 (local.get $qa) (local.get $g))
            (i32.store offset=12 (local.get $qa) (local.get $root))
            (local.set $n (i32.add (local.get $n) (i32.const 1)))
            (br $xs)))
        (local.set $y (i32.add (local.get $y) (i32.const 1)))
        (br $rows)))
    (i32.store (i32.add (local.get $rowsCur) (i32.shl (local.get $ny) (i32.const 2))) (local.get $n))
    (local.get $n))

  ;; After slice runs first..end-1: zones no run of the slice belongs to are written to out
  ;; (level, size, min), the others renumbered 0, 1, ... in label order. Returns how many
  ;; were written.
  (func (export "finish") (param $first i32) (param $end i32) (param $out i32) (result i32)
    (local $r i32) (local $qa i32) (local $l i32) (local $live i32) (local $written i32)
    (local.set $r (local.get $first))
    (block $d1
      (loop $l1
        (br_if $d1 (i32.ge_s (local.get $r) (local.get $end)))
        (local.set $qa (i32.add (global.get $runs) (i32.shl (local.get $r) (i32.const 4))))
        (local.set $l (call $find (i32.load offset=12 (local.get $qa))))
        (i32.store offset=12 (local.get $qa) (local.get $l))
        (i32.store (i32.add (global.get $remap) (i32.shl (local.get $l) (i32.const 2))) (i32.const -2))
        (local.set $r (i32.add (local.get $r) (i32.const 1)))
        (br $l1)))
    (local.set $l (i32.const 0))
    (block $d2
      (loop $l2
        (br_if $d2 (i32.ge_s (local.get $l) (global.get $labels)))
        (if (i32.eq (i32.load (i32.add (global.get $parent) (i32.shl (local.get $l) (i32.const 2)))) (local.get $l))
          (then
            (if (i32.eq (i32.load (i32.add (global.get $remap) (i32.shl (local.get $l) (i32.const 2)))) (i32.const -2))
              (then
                (i32.store (i32.add (global.get $parent) (i32.shl (local.get $live) (i32.const 2))) (local.get $live))
                (i32.store (i32.add (global.get $level) (i32.shl (local.get $live) (i32.const 2)))
                  (i32.load (i32.add (global.get $level) (i32.shl (local.get $l) (i32.const 2)))))
                (i32.store (i32.add (global.get $size) (i32.shl (local.get $live) (i32.const 2)))
                  (i32.load (i32.add (global.get $size) (i32.shl (local.get $l) (i32.const 2)))))
                (i32.store (i32.add (global.get $min) (i32.shl (local.get $live) (i32.const 2)))
                  (i32.load (i32.add (global.get $min) (i32.shl (local.get $l) (i32.const 2)))))
                (i32.store (i32.add (global.get $remap) (i32.shl (local.get $l) (i32.const 2))) (local.get $live))
                (local.set $live (i32.add (local.get $live) (i32.const 1))))
              (else
                (local.set $qa (i32.add (local.get $out) (i32.mul (local.get $written) (i32.const 12))))
                (i32.store (local.get $qa) (i32.load (i32.add (global.get $level) (i32.shl (local.get $l) (i32.const 2)))))
                (i32.store offset=4 (local.get $qa) (i32.load (i32.add (global.get $size) (i32.shl (local.get $l) (i32.const 2)))))
                (i32.store offset=8 (local.get $qa) (i32.load (i32.add (global.get $min) (i32.shl (local.get $l) (i32.const 2)))))
                (local.set $written (i32.add (local.get $written) (i32.const 1)))))))
        (local.set $l (i32.add (local.get $l) (i32.const 1)))
        (br $l2)))
    (local.set $r (local.get $first))
    (block $d3
      (loop $l3
        (br_if $d3 (i32.ge_s (local.get $r) (local.get $end)))
        (local.set $qa (i32.add (global.get $runs) (i32.shl (local.get $r) (i32.const 4))))
        (i32.store offset=12 (local.get $qa)
          (i32.load (i32.add (global.get $remap) (i32.shl (i32.load offset=12 (local.get $qa)) (i32.const 2)))))
        (local.set $r (i32.add (local.get $r) (i32.const 1)))
        (br $l3)))
    (local.set $l (i32.const 0))
    (block $d4
      (loop $l4
        (br_if $d4 (i32.ge_s (local.get $l) (global.get $labels)))
        (i32.store (i32.add (global.get $remap) (i32.shl (local.get $l) (i32.const 2))) (i32.const -1))
        (local.set $l (i32.add (local.get $l) (i32.const 1)))
        (br $l4)))
    (global.set $labels (local.get $live))
    (local.get $written))

  ;; The zones still live (after the last slice), in label order, to out. Returns how many.
  (func (export "flush") (param $out i32) (result i32)
    (local $l i32) (local $qa i32) (local $written i32)
    (block $d
      (loop $ls
        (br_if $d (i32.ge_s (local.get $l) (global.get $labels)))
        (if (i32.eq (i32.load (i32.add (global.get $parent) (i32.shl (local.get $l) (i32.const 2)))) (local.get $l))
          (then
            (local.set $qa (i32.add (local.get $out) (i32.mul (local.get $written) (i32.const 12))))
            (i32.store (local.get $qa) (i32.load (i32.add (global.get $level) (i32.shl (local.get $l) (i32.const 2)))))
            (i32.store offset=4 (local.get $qa) (i32.load (i32.add (global.get $size) (i32.shl (local.get $l) (i32.const 2)))))
            (i32.store offset=8 (local.get $qa) (i32.load (i32.add (global.get $min) (i32.shl (local.get $l) (i32.const 2)))))
            (local.set $written (i32.add (local.get $written) (i32.const 1)))))
        (local.set $l (i32.add (local.get $l) (i32.const 1)))
        (br $ls)))
    (global.set $labels (i32.const 0))
    (local.get $written))
)
