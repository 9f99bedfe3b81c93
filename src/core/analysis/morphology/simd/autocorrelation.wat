;; Moran's I and Geary's C pair sums (see ../autocorrelation.ts, whose pairSumsJs is the same
;; loops in plain TypeScript): over every unordered pair of ROI voxels, the sums of w,
;; w dev_i dev_j and w (v_i - v_j)^2 with w = 1 / distance. Voxels come as runs along x
;; (raster order); for a pair of runs the weights by x offset are first written to a table
;; (f64x2 square roots and divisions, lenA + lenB - 1 of them), then each voxel of run A
;; meets run B with contiguous loads of weights, deviations and values, four pairs per step
;; in two f64x2 accumulators per sum.
;;
;; Runs may hold gaps (slots outside the ROI): their mask m is 0, which skips them as the first
;; voxel of a pair and zeroes their weight as the second (their dev is 0 and value finite).
;; Sums are kept per run A and then added to the totals, for fewer rounding errors.
;;
;; pairSums(runs, count, vals, dev, msk, wt, sx, sy, sz, out): runs holds x0, y, z, len (i32)
;; per run; vals, dev and msk are f64 per slot in run order; wt is scratch for
;; 2 * (longest run) + 1 f64; out receives the three sums as f64.
(module
  (memory (export "memory") 1)
  (func (export "pairSums")
    (param $runs i32) (param $count i32) (param $vals i32) (param $dev i32) (param $msk i32) (param $wt i32)
    (param $sx f64) (param $sy f64) (param $sz f64) (param $out i32)
    (local $pa i32) (local $pb i32) (local $pend i32)
    (local $sa i32) (local $sb i32) (local $lenA i32) (local $lenB i32)
    (local $a i32) (local $p i32) (local $pe i32) (local $wd i32) (local $vd i32)
    (local $i i32) (local $sameRun i32) (local $md i32)
    (local $dy f64) (local $dz f64) (local $w f64) (local $t f64)
    (local $di f64) (local $vi f64) (local $sW f64) (local $sM f64) (local $sG f64)
    (local $gW f64) (local $gM f64) (local $gG f64)
    (local $dxv v128) (local $sxv v128) (local $dy2 v128) (local $dz2 v128) (local $dx v128)
    (local $div v128) (local $viv v128) (local $w0 v128) (local $w1 v128)
    (local $t0 v128) (local $t1 v128) (local $zero v128)
    (local $aW0 v128) (local $aW1 v128) (local $aM0 v128) (local $aM1 v128)
    (local $aG0 v128) (local $aG1 v128)
    (local.set $sxv (f64x2.splat (local.get $sx)))
    (local.set $vd (i32.sub (local.get $vals) (local.get $dev)))
    (local.set $md (i32.sub (local.get $msk) (local.get $dev)))
    (local.set $pend (i32.add (local.get $runs) (i32.shl (local.get $count) (i32.const 4))))
    (local.set $pa (local.get $runs))
    (local.set $sa (i32.const 0))
    (block $aDone
      (loop $aRuns
        (br_if $aDone (i32.ge_u (local.get $pa) (local.get $pend)))
        (local.set $lenA (i32.load offset=12 (local.get $pa)))
        (local.set $pb (local.get $pa))
        (local.set $sb (local.get $sa))
        (loop $bRuns
          (local.set $lenB (i32.load offset=12 (local.get $pb)))
          (local.set $dy (f64.mul (f64.convert_i32_s (i32.sub (i32.load offset=4 (local.get $pb))
            (i32.load offset=4 (local.get $pa)))) (local.get $sy)))
          (local.set $dz (f64.mul (f64.convert_i32_s (i32.sub (i32.load offset=8 (local.get $pb))
            (i32.load offset=8 (local.get $pa)))) (local.get $sz)))
          (local.set $dy2 (f64x2.splat (f64.mul (local.get $dy) (local.get $dy))))
          (local.set $dz2 (f64x2.splat (f64.mul (local.get $dz) (local.get $dz))))
          ;; wt[k] = 1 / |(dx0 + k) sx, dy, dz| for k < lenA + lenB - 1 (two at a time).
          (local.set $t (f64.convert_i32_s (i32.add (i32.sub (i32.load (local.get $pb))
            (i32.load (local.get $pa))) (i32.sub (i32.const 1) (local.get $lenA)))))
          (local.set $dxv (f64x2.replace_lane 1 (f64x2.splat (local.get $t))
            (f64.add (local.get $t) (f64.const 1))))
          (local.set $p (local.get $wt))
          (local.set $pe (i32.add (local.get $wt) (i32.shl
            (i32.add (local.get $lenA) (i32.sub (local.get $lenB) (i32.const 1))) (i32.const 3))))
          (loop $weights
            (local.set $dx (f64x2.mul (local.get $dxv) (local.get $sxv)))
            (v128.store (local.get $p) (f64x2.div (f64x2.splat (f64.const 1)) (f64x2.sqrt
              (f64x2.add (f64x2.add (f64x2.mul (local.get $dx) (local.get $dx)) (local.get $dy2))
                (local.get $dz2)))))
            (local.set $dxv (f64x2.add (local.get $dxv) (f64x2.splat (f64.const 2))))
            (local.set $p (i32.add (local.get $p) (i32.const 16)))
            (br_if $weights (i32.lt_u (local.get $p) (local.get $pe))))
          (local.set $sameRun (i32.eq (local.get $pa) (local.get $pb)))
          ;; Each voxel a of run A against run B (against the rest of A when B is A).
          (local.set $a (i32.const 0))
          (loop $aVoxels
            (local.set $i (i32.add (local.get $sa) (local.get $a)))
            (if (f64.ne (f64.load (i32.add (local.get $msk) (i32.shl (local.get $i) (i32.const 3))))
              (f64.const 0)) (then
            (local.set $di (f64.load (i32.add (local.get $dev) (i32.shl (local.get $i) (i32.const 3)))))
            (local.set $vi (f64.load (i32.add (local.get $vals) (i32.shl (local.get $i) (i32.const 3)))))
            (local.set $div (f64x2.splat (local.get $di)))
            (local.set $viv (f64x2.splat (local.get $vi)))
            ;; p walks dev from voxel j; the weight of j is at p + wd, its value at p + vd.
            (local.set $p (i32.add (local.get $dev) (i32.shl
              (select (i32.add (local.get $i) (i32.const 1)) (local.get $sb) (local.get $sameRun))
              (i32.const 3))))
            (local.set $pe (i32.add (local.get $dev)
              (i32.shl (i32.add (local.get $sb) (local.get $lenB)) (i32.const 3))))
            (local.set $wd (i32.sub (i32.add (local.get $wt) (i32.shl (i32.sub
              (i32.sub (i32.sub (local.get $lenA) (i32.const 1)) (local.get $a)) (local.get $sb))
              (i32.const 3))) (local.get $dev)))
            (block $quadsDone
              (loop $quads
                (br_if $quadsDone (i32.gt_u (i32.add (local.get $p) (i32.const 32)) (local.get $pe)))
                (local.set $w0 (f64x2.mul (v128.load (i32.add (local.get $p) (local.get $wd)))
                  (v128.load (i32.add (local.get $p) (local.get $md)))))
                (local.set $w1 (f64x2.mul (v128.load offset=16 (i32.add (local.get $p) (local.get $wd)))
                  (v128.load offset=16 (i32.add (local.get $p) (local.get $md)))))
                (local.set $aW0 (f64x2.add (local.get $aW0) (local.get $w0)))
                (local.set $aW1 (f64x2.add (local.get $aW1) (local.get $w1)))
                (local.set $aM0 (f64x2.add (local.get $aM0) (f64x2.mul
                  (f64x2.mul (local.get $w0) (local.get $div)) (v128.load (local.get $p)))))
                (local.set $aM1 (f64x2.add (local.get $aM1) (f64x2.mul
                  (f64x2.mul (local.get $w1) (local.get $div)) (v128.load offset=16 (local.get $p)))))
                (local.set $t0 (f64x2.sub (local.get $viv)
                  (v128.load (i32.add (local.get $p) (local.get $vd)))))
                (local.set $t1 (f64x2.sub (local.get $viv)
                  (v128.load offset=16 (i32.add (local.get $p) (local.get $vd)))))
                (local.set $aG0 (f64x2.add (local.get $aG0) (f64x2.mul (local.get $w0)
                  (f64x2.mul (local.get $t0) (local.get $t0)))))
                (local.set $aG1 (f64x2.add (local.get $aG1) (f64x2.mul (local.get $w1)
                  (f64x2.mul (local.get $t1) (local.get $t1)))))
                (local.set $p (i32.add (local.get $p) (i32.const 32)))
                (br $quads)))
            (block $singlesDone
              (loop $singles
                (br_if $singlesDone (i32.ge_u (local.get $p) (local.get $pe)))
                (local.set $w (f64.mul (f64.load (i32.add (local.get $p) (local.get $wd)))
                  (f64.load (i32.add (local.get $p) (local.get $md)))))
                (local.set $sW (f64.add (local.get $sW) (local.get $w)))
                (local.set $sM (f64.add (local.get $sM) (f64.mul
                  (f64.mul (local.get $w) (local.get $di)) (f64.load (local.get $p)))))
                (local.set $t (f64.sub (local.get $vi) (f64.load (i32.add (local.get $p) (local.get $vd)))))
                (local.set $sG (f64.add (local.get $sG) (f64.mul (local.get $w)
                  (f64.mul (local.get $t) (local.get $t)))))
                (local.set $p (i32.add (local.get $p) (i32.const 8)))
                (br $singles)))))
            (local.set $a (i32.add (local.get $a) (i32.const 1)))
            (br_if $aVoxels (i32.lt_u (local.get $a) (local.get $lenA))))
          (local.set $sb (i32.add (local.get $sb) (local.get $lenB)))
          (local.set $pb (i32.add (local.get $pb) (i32.const 16)))
          (br_if $bRuns (i32.lt_u (local.get $pb) (local.get $pend))))
        ;; Run A's sums into the totals.
        (local.set $aW0 (f64x2.add (local.get $aW0) (local.get $aW1)))
        (local.set $aM0 (f64x2.add (local.get $aM0) (local.get $aM1)))
        (local.set $aG0 (f64x2.add (local.get $aG0) (local.get $aG1)))
        (local.set $gW (f64.add (local.get $gW) (f64.add (local.get $sW) (f64.add
          (f64x2.extract_lane 0 (local.get $aW0)) (f64x2.extract_lane 1 (local.get $aW0))))))
        (local.set $gM (f64.add (local.get $gM) (f64.add (local.get $sM) (f64.add
          (f64x2.extract_lane 0 (local.get $aM0)) (f64x2.extract_lane 1 (local.get $aM0))))))
        (local.set $gG (f64.add (local.get $gG) (f64.add (local.get $sG) (f64.add
          (f64x2.extract_lane 0 (local.get $aG0)) (f64x2.extract_lane 1 (local.get $aG0))))))
        (local.set $aW0 (local.get $zero))
        (local.set $aW1 (local.get $zero))
        (local.set $aM0 (local.get $zero))
        (local.set $aM1 (local.get $zero))
        (local.set $aG0 (local.get $zero))
        (local.set $aG1 (local.get $zero))
        (local.set $sW (f64.const 0))
        (local.set $sM (f64.const 0))
        (local.set $sG (f64.const 0))
        (local.set $sa (i32.add (local.get $sa) (local.get $lenA)))
        (local.set $pa (i32.add (local.get $pa) (i32.const 16)))
        (br $aRuns)))
    (f64.store (local.get $out) (local.get $gW))
    (f64.store offset=8 (local.get $out) (local.get $gM))
    (f64.store offset=16 (local.get $out) (local.get $gG)));; pairSumsDirect(n, xs, vals, dev, out): the same sums voxel by voxel, for sparse ROIs whose
;; runs are short (a run pair's set-up then costs more than its pairs). xs holds the voxel
;; centres in mm as three f64 arrays x, y, z of n each; vals and dev are f64 per voxel.
;; Sums are kept per voxel i (its pairs with j > i) and then added to the totals.
  (func (export "pairSumsDirect")
    (param $n i32) (param $xs i32) (param $vals i32) (param $dev i32) (param $out i32)
    (local $i i32) (local $p i32) (local $pe i32) (local $pe2 i32) (local $yd i32) (local $zd i32)
    (local $vd i32) (local $dd i32)
    (local $xi f64) (local $yi f64) (local $zi f64) (local $di f64) (local $vi f64)
    (local $w f64) (local $t f64) (local $u f64) (local $sW f64) (local $sM f64) (local $sG f64)
    (local $gW f64) (local $gM f64) (local $gG f64)
    (local $xv v128) (local $yv v128) (local $zv v128) (local $div v128) (local $viv v128)
    (local $wv v128) (local $tv v128) (local $uv v128) (local $aW v128) (local $aM v128)
    (local $aG v128) (local $zero v128)
    (local.set $yd (i32.shl (local.get $n) (i32.const 3)))
    (local.set $zd (i32.shl (local.get $n) (i32.const 4)))
    (local.set $vd (i32.sub (local.get $vals) (local.get $xs)))
    (local.set $dd (i32.sub (local.get $dev) (local.get $xs)))
    (local.set $pe (i32.add (local.get $xs) (local.get $yd)))
    (local.set $pe2 (i32.sub (local.get $pe) (i32.const 8)))
    (local.set $i (local.get $xs))
    (block $done
      (loop $voxels
        (br_if $done (i32.ge_u (local.get $i) (local.get $pe)))
        (local.set $xi (f64.load (local.get $i)))
        (local.set $yi (f64.load (i32.add (local.get $i) (local.get $yd))))
        (local.set $zi (f64.load (i32.add (local.get $i) (local.get $zd))))
        (local.set $di (f64.load (i32.add (local.get $i) (local.get $dd))))
        (local.set $vi (f64.load (i32.add (local.get $i) (local.get $vd))))
        (local.set $xv (f64x2.splat (local.get $xi)))
        (local.set $yv (f64x2.splat (local.get $yi)))
        (local.set $zv (f64x2.splat (local.get $zi)))
        (local.set $div (f64x2.splat (local.get $di)))
        (local.set $viv (f64x2.splat (local.get $vi)))
        (local.set $p (i32.add (local.get $i) (i32.const 8)))
        (block $pairsDone
          (loop $pairs
            (br_if $pairsDone (i32.ge_u (local.get $p) (local.get $pe2)))
            (local.set $tv (f64x2.sub (v128.load (local.get $p)) (local.get $xv)))
            (local.set $uv (f64x2.sub (v128.load (i32.add (local.get $p) (local.get $yd))) (local.get $yv)))
            (local.set $wv (f64x2.add (f64x2.mul (local.get $tv) (local.get $tv))
              (f64x2.mul (local.get $uv) (local.get $uv))))
            (local.set $tv (f64x2.sub (v128.load (i32.add (local.get $p) (local.get $zd))) (local.get $zv)))
            (local.set $wv (f64x2.div (f64x2.splat (f64.const 1)) (f64x2.sqrt
              (f64x2.add (local.get $wv) (f64x2.mul (local.get $tv) (local.get $tv))))))
            (local.set $aW (f64x2.add (local.get $aW) (local.get $wv)))
            (local.set $aM (f64x2.add (local.get $aM) (f64x2.mul (f64x2.mul (local.get $wv)
              (local.get $div)) (v128.load (i32.add (local.get $p) (local.get $dd))))))
            (local.set $tv (f64x2.sub (local.get $viv) (v128.load (i32.add (local.get $p) (local.get $vd)))))
            (local.set $aG (f64x2.add (local.get $aG) (f64x2.mul (local.get $wv)
              (f64x2.mul (local.get $tv) (local.get $tv)))))
            (local.set $p (i32.add (local.get $p) (i32.const 16)))
            (br $pairs)))
        (if (i32.lt_u (local.get $p) (local.get $pe)) (then
          (local.set $t (f64.sub (f64.load (local.get $p)) (local.get $xi)))
          (local.set $u (f64.sub (f64.load (i32.add (local.get $p) (local.get $yd))) (local.get $yi)))
          (local.set $w (f64.add (f64.mul (local.get $t) (local.get $t)) (f64.mul (local.get $u) (local.get $u))))
          (local.set $t (f64.sub (f64.load (i32.add (local.get $p) (local.get $zd))) (local.get $zi)))
          (local.set $w (f64.div (f64.const 1) (f64.sqrt
            (f64.add (local.get $w) (f64.mul (local.get $t) (local.get $t))))))
          (local.set $sW (local.get $w))
          (local.set $sM (f64.mul (f64.mul (local.get $w) (local.get $di))
            (f64.load (i32.add (local.get $p) (local.get $dd)))))
          (local.set $t (f64.sub (local.get $vi) (f64.load (i32.add (local.get $p) (local.get $vd)))))
          (local.set $sG (f64.mul (local.get $w) (f64.mul (local.get $t) (local.get $t))))))
        (local.set $gW (f64.add (local.get $gW) (f64.add (local.get $sW) (f64.add
          (f64x2.extract_lane 0 (local.get $aW)) (f64x2.extract_lane 1 (local.get $aW))))))
        (local.set $gM (f64.add (local.get $gM) (f64.add (local.get $sM) (f64.add
          (f64x2.extract_lane 0 (local.get $aM)) (f64x2.extract_lane 1 (local.get $aM))))))
        (local.set $gG (f64.add (local.get $gG) (f64.add (local.get $sG) (f64.add
          (f64x2.extract_lane 0 (local.get $aG)) (f64x2.extract_lane 1 (local.get $aG))))))
        (local.set $aW (local.get $zero))
        (local.set $aM (local.get $zero))
        (local.set $aG (local.get $zero))
        (local.set $sW (f64.const 0))
        (local.set $sM (f64.const 0))
        (local.set $sG (f64.const 0))
        (local.set $i (i32.add (local.get $i) (i32.const 8)))
        (br $voxels)))
    (f64.store (local.get $out) (local.get $gW))
    (f64.store offset=8 (local.get $out) (local.get $gM))
    (f64.store offset=16 (local.get $out) (local.get $gG)))
)
