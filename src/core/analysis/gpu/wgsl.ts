// WGSL compute shaders of the image kernels. Each mirrors its TypeScript reference in ../edges
// or ../texture operation by operation (same mirrored borders, same sums in the same order), so
// the two agree to float32 rounding and integer counts agree exactly.

/** OpenCV's BORDER_REFLECT_101, as reflect101() in ../edges/image2d.ts. */
const reflect101 = /* wgsl */ `
fn reflect101(i: i32, n: i32) -> i32 {
  if (n == 1) { return 0; }
  var j = i;
  loop {
    if (j >= 0 && j < n) { break; }
    if (j < 0) { j = -j; } else { j = 2 * n - 2 - j; }
  }
  return j;
}`;

/** One separable pass of a symmetric kernel, along rows (axis 0) or columns (axis 1). */
export const gaussianWgsl = /* wgsl */ `
struct Params { w: u32, h: u32, r: u32, axis: u32 }
@group(0) @binding(0) var<uniform> p: Params;
@group(0) @binding(1) var<storage, read> src: array<f32>;
@group(0) @binding(2) var<storage, read_write> dst: array<f32>;
@group(0) @binding(3) var<storage, read> k: array<f32>;
${reflect101}
@compute @workgroup_size(16, 16)
fn main(@builtin(global_invocation_id) id: vec3<u32>) {
  if (id.x >= p.w || id.y >= p.h) { return; }
  let x = i32(id.x);
  let y = i32(id.y);
  let w = i32(p.w);
  let h = i32(p.h);
  let r = i32(p.r);
  // Mirrored taps folded as in gaussianBlur: k[t] (a + b).
  var s = k[r] * src[y * w + x];
  for (var t = 1; t <= r; t++) {
    var a: f32;
    var b: f32;
    if (p.axis == 0u) {
      a = src[y * w + reflect101(x - t, w)];
      b = src[y * w + reflect101(x + t, w)];
    } else {
      a = src[reflect101(y - t, h) * w + x];
      b = src[reflect101(y + t, h) * w + x];
    }
    s += k[r + t] * (a + b);
  }
  dst[y * w + x] = s;
}`;

/** Sobel gx, gy, magnitude and direction, with sobel()'s column sums and mirrored borders. */
export const sobelWgsl = /* wgsl */ `
struct Params { w: u32, h: u32, pad0: u32, pad1: u32 }
@group(0) @binding(0) var<uniform> p: Params;
@group(0) @binding(1) var<storage, read> src: array<f32>;
@group(0) @binding(2) var<storage, read_write> gx: array<f32>;
@group(0) @binding(3) var<storage, read_write> gy: array<f32>;
@group(0) @binding(4) var<storage, read_write> mag: array<f32>;
@group(0) @binding(5) var<storage, read_write> dir: array<f32>;
@compute @workgroup_size(16, 16)
fn main(@builtin(global_invocation_id) id: vec3<u32>) {
  if (id.x >= p.w || id.y >= p.h) { return; }
  let x = i32(id.x);
  let y = i32(id.y);
  let w = i32(p.w);
  let h = i32(p.h);
  // neighbourRows(): a one-row (one-column) image mirrors onto itself.
  let top = select(y - 1, min(1, h - 1), y == 0) * w;
  let bot = select(y + 1, max(h - 2, 0), y == h - 1) * w;
  let mid = y * w;
  let xl = select(x - 1, min(1, w - 1), x == 0);
  let xr = select(x + 1, max(w - 2, 0), x == w - 1);
  let sPrev = src[top + xl] + 2.0 * src[mid + xl] + src[bot + xl];
  let sNext = src[top + xr] + 2.0 * src[mid + xr] + src[bot + xr];
  let dPrev = src[bot + xl] - src[top + xl];
  let dCur = src[bot + x] - src[top + x];
  let dNext = src[bot + xr] - src[top + xr];
  let ex = sNext - sPrev;
  let ey = dPrev + 2.0 * dCur + dNext;
  let i = mid + x;
  gx[i] = ex;
  gy[i] = ey;
  mag[i] = sqrt(ex * ex + ey * ey);
  dir[i] = atan2(ey, ex);
}`;

/**
 * Canny's non-maximum suppression, as judgePixel() in ../edges/canny.ts: 0 suppressed, 1 weak,
 * 2 strong; outside the image counts as magnitude 0.
 */
export const nmsWgsl = /* wgsl */ `
struct Params { w: u32, h: u32, low: f32, high: f32 }
@group(0) @binding(0) var<uniform> p: Params;
@group(0) @binding(1) var<storage, read> gx: array<f32>;
@group(0) @binding(2) var<storage, read> gy: array<f32>;
@group(0) @binding(3) var<storage, read> mag: array<f32>;
@group(0) @binding(4) var<storage, read_write> state: array<u32>;
const TAN22: f32 = 0.41421356237309503;
const TAN67: f32 = 2.414213562373095;
fn magAt(x: i32, y: i32) -> f32 {
  if (x < 0 || y < 0 || x >= i32(p.w) || y >= i32(p.h)) { return 0.0; }
  return mag[y * i32(p.w) + x];
}
@compute @workgroup_size(16, 16)
fn main(@builtin(global_invocation_id) id: vec3<u32>) {
  if (id.x >= p.w || id.y >= p.h) { return; }
  let x = i32(id.x);
  let y = i32(id.y);
  let i = y * i32(p.w) + x;
  let m = mag[i];
  if (!(m > p.low)) { state[i] = 0u; return; }
  let ex = gx[i];
  let ey = gy[i];
  let ax = abs(ex);
  let ay = abs(ey);
  var s = 4;
  if (ay <= ax * TAN22) { s = 1; } else if (ay >= ax * TAN67) { s = 2; } else if (ex * ey > 0.0) { s = 3; }
  let ox = select(select(1, -1, s == 4), 0, s == 2);
  let oy = select(1, 0, s == 1);
  let a = magAt(x - ox, y - oy);
  let b = magAt(x + ox, y + oy);
  var v = 0u;
  if (m > a && m >= b) { v = select(1u, 2u, m > p.high); }
  state[i] = v;
}`;

/**
 * GLCM counting: one invocation per (table group, direction, voxel); a pair of ROI levels
 * (0 is outside) adds to both [p][q] and [q][p], the symmetric matrix glcmMatrices() returns.
 * Levels are 16-bit, two to a u32. perSlice: group g counts slice zs[g] in-plane; else the
 * volume with 3D steps.
 */
export const glcmWgsl = /* wgsl */ `
struct Params {
  nx: u32, ny: u32, nz: u32, ng: u32,
  ndirs: u32, perSlice: u32, total: u32, rowStride: u32,
}
@group(0) @binding(0) var<uniform> p: Params;
@group(0) @binding(1) var<storage, read> levels: array<u32>;
@group(0) @binding(2) var<storage, read> steps: array<vec4<i32>>;
@group(0) @binding(3) var<storage, read> zs: array<u32>;
@group(0) @binding(4) var<storage, read_write> counts: array<atomic<u32>>;
fn levelAt(i: u32) -> u32 {
  return (levels[i >> 1u] >> ((i & 1u) * 16u)) & 0xffffu;
}
@compute @workgroup_size(256)
fn main(@builtin(global_invocation_id) id: vec3<u32>) {
  let flat = id.x + id.y * p.rowStride;
  if (flat >= p.total) { return; }
  let plane = p.nx * p.ny;
  let vox = select(plane * p.nz, plane, p.perSlice == 1u);
  let v = flat % vox;
  let rest = flat / vox;
  let d = rest % p.ndirs;
  let g = rest / p.ndirs;
  let x = i32(v % p.nx);
  let y = i32((v / p.nx) % p.ny);
  var z = i32(v / plane);
  if (p.perSlice == 1u) { z = i32(zs[g]); }
  let a = levelAt(u32(z) * plane + u32(y) * p.nx + u32(x));
  if (a == 0u) { return; }
  let s = steps[d];
  let x2 = x + s.x;
  let y2 = y + s.y;
  let z2 = z + select(s.z, 0, p.perSlice == 1u);
  if (x2 < 0 || y2 < 0 || z2 < 0 || x2 >= i32(p.nx) || y2 >= i32(p.ny) || z2 >= i32(p.nz)) { return; }
  let b = levelAt(u32(z2) * plane + u32(y2) * p.nx + u32(x2));
  if (b == 0u) { return; }
  let base = (g * p.ndirs + d) * p.ng * p.ng;
  atomicAdd(&counts[base + (a - 1u) * p.ng + (b - 1u)], 1u);
  atomicAdd(&counts[base + (b - 1u) * p.ng + (a - 1u)], 1u);
}`;
