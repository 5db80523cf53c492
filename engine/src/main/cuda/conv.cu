// 3-D convolution building blocks: vol2col / col2vol over a range of output positions (so the host can bound
// the column buffer), and a shared-memory tiled sgemm. The host composes them into the forward, backward-data
// and backward-weight passes (see org.cryoetgan.engine.cuda.CudaConv3d).
#include "common.cuh"

// Input channels and sizes, output sizes, kernel, stride, padding, dilation (org.cryoetgan.engine.backend.ConvGeometry).
#define CONV_PARAMS int ch, int d, int h, int w, int od, int oh, int ow, int kd, int kh, int kw, int sd, int sh, \
    int sw, int pd, int ph, int pw, int ld, int lh, int lw

// col[row][j] (row = (c, a, b, e) over channel and kernel taps, j = output position colStart + j) for one
// batch element x (ch × d × h × w); zero where the tap falls into the padding.
extern "C" __global__ void cg_vol2col(const float* x, float* col, long long colStart, int colCount, CONV_PARAMS) {
    long long total = (long long)ch * kd * kh * kw * colCount;
    CG_FOR_EACH(i, total) {
        long long row = i / colCount;
        long long q = colStart + i % colCount;
        int zw = (int)(q % ow);
        int zh = (int)((q / ow) % oh);
        int zd = (int)(q / ((long long)ow * oh));
        int e = (int)(row % kw);
        int b = (int)((row / kw) % kh);
        int a = (int)((row / ((long long)kw * kh)) % kd);
        long long c = row / ((long long)kw * kh * kd);
        int id = zd * sd - pd + a * ld;
        int ih = zh * sh - ph + b * lh;
        int iw = zw * sw - pw + e * lw;
        bool inside = id >= 0 && id < d && ih >= 0 && ih < h && iw >= 0 && iw < w;
        col[i] = inside ? x[((c * d + id) * h + ih) * w + iw] : 0.0f;
    }
}

// The adjoint of cg_vol2col: dx[c, id, ih, iw] (+)= Σ col[row][q − colStart] over the taps that read it from an
// output position q inside [colStart, colStart + colCount). A gather: one thread per input element, no atomics.
extern "C" __global__ void cg_col2vol(const float* col, float* dx, long long colStart, int colCount, int accumulate,
                                      CONV_PARAMS) {
    long long total = (long long)ch * d * h * w;
    long long colEnd = colStart + colCount;
    CG_FOR_EACH(i, total) {
        int iw = (int)(i % w);
        int ih = (int)((i / w) % h);
        int id = (int)((i / ((long long)w * h)) % d);
        long long c = i / ((long long)w * h * d);
        float acc = 0.0f;
        for (int a = 0; a < kd; a++) {
            int nd = id + pd - a * ld;
            if (nd < 0 || nd % sd != 0 || nd / sd >= od) {
                continue;
            }
            for (int b = 0; b < kh; b++) {
                int nh = ih + ph - b * lh;
                if (nh < 0 || nh % sh != 0 || nh / sh >= oh) {
                    continue;
                }
                for (int e = 0; e < kw; e++) {
                    int nw = iw + pw - e * lw;
                    if (nw < 0 || nw % sw != 0 || nw / sw >= ow) {
                        continue;
                    }
                    long long q = ((long long)(nd / sd) * oh + nh / sh) * ow + nw / sw;
                    if (q >= colStart && q < colEnd) {
                        long long row = ((c * kd + a) * kh + b) * kw + e;
                        acc += col[row * colCount + (q - colStart)];
                    }
                }
            }
        }
        dx[i] = accumulate ? dx[i] + acc : acc;
    }
}

#define GM_BM 64
#define GM_BN 64
#define GM_BK 16
#define GM_THREADS 256

// Row-major C = alpha·op(A)·op(B) + beta·C (beta == 0 ignores C). Blocks of exactly GM_THREADS threads; block
// (x, y) computes the 64×64 tile of C at rows 64y, columns 64x; thread (tx, ty) = (t % 16, t / 16) owns the 4×4
// elements at rows ty + 16r and columns tx + 16c of the tile.
extern "C" __global__ void cg_sgemm(int transA, int transB, int m, int n, int k, float alpha, const float* a,
                                    int lda, const float* b, int ldb, float beta, float* c, int ldc) {
    __shared__ float as[GM_BK][GM_BM];
    __shared__ float bs[GM_BK][GM_BN];
    int t = threadIdx.x;
    int tx = t % 16;
    int ty = t / 16;
    int row0 = blockIdx.y * GM_BM;
    int col0 = blockIdx.x * GM_BN;
    float acc[4][4];
    for (int r = 0; r < 4; r++) {
        for (int q = 0; q < 4; q++) {
            acc[r][q] = 0.0f;
        }
    }
    for (int p0 = 0; p0 < k; p0 += GM_BK) {
        for (int q = 0; q < 4; q++) {
            int e = t + GM_THREADS * q;
            int i = transA ? e % GM_BM : e / GM_BK;
            int p = transA ? e / GM_BM : e % GM_BK;
            int gi = row0 + i;
            int gp = p0 + p;
            float va = 0.0f;
            if (gi < m && gp < k) {
                va = transA ? a[(long long)gp * lda + gi] : a[(long long)gi * lda + gp];
            }
            as[p][i] = va;
            int j = transB ? e / GM_BK : e % GM_BN;
            p = transB ? e % GM_BK : e / GM_BN;
            int gj = col0 + j;
            gp = p0 + p;
            float vb = 0.0f;
            if (gj < n && gp < k) {
                vb = transB ? b[(long long)gj * ldb + gp] : b[(long long)gp * ldb + gj];
            }
            bs[p][j] = vb;
        }
        __syncthreads();
        for (int p = 0; p < GM_BK; p++) {
            float av[4];
            float bv[4];
            for (int r = 0; r < 4; r++) {
                av[r] = as[p][ty + 16 * r];
                bv[r] = bs[p][tx + 16 * r];
            }
            for (int r = 0; r < 4; r++) {
                for (int q = 0; q < 4; q++) {
                    acc[r][q] += av[r] * bv[q];
                }
            }
        }
        __syncthreads();
    }
    for (int r = 0; r < 4; r++) {
        int gi = row0 + ty + 16 * r;
        for (int q = 0; q < 4; q++) {
            int gj = col0 + tx + 16 * q;
            if (gi < m && gj < n) {
                float* cp = c + (long long)gi * ldc + gj;
                float v = alpha * acc[r][q];
                *cp = beta == 0.0f ? v : v + beta * *cp;
            }
        }
    }
}
