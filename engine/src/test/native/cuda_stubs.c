/*
 * Host fakes of the CUDA 13 shared libraries that the bytedeco presets link (libcuda.so.1, libcudart.so.13,
 * libcublas.so.13, libcublasLt.so.13, libcudnn*.so.9): the same file is built once per library name, each with a
 * version node named after the library as the real ones have. cuBLAS's sgemm and cuDNN's legacy N-d convolutions
 * compute on host memory from exactly the arguments the bindings pass, so the tests run the real JNI bindings on
 * a machine without a GPU. FAKE_CUDNN_VERSION in the environment overrides the reported cuDNN version. The driver
 * has no device: cuInit answers CUDA_ERROR_NO_DEVICE.
 */
#include <stdlib.h>
#include <stddef.h>
#include <string.h>

enum { OK = 0, BAD_PARAM = 3, NOT_SUPPORTED = 9 };

/* ---------------- driver ---------------- */

int cuInit(unsigned int flags) { return 100; }

/* ---------------- cuBLAS ---------------- */

typedef struct { int math; } blas_handle;

int cublasCreate_v2(blas_handle **h) { *h = calloc(1, sizeof(blas_handle)); return OK; }
int cublasDestroy_v2(blas_handle *h) { free(h); return OK; }
int cublasSetMathMode(blas_handle *h, int mode) { h->math = mode; return OK; }
int cublasGetVersion_v2(blas_handle *h, int *v) { (void) h; *v = 130100; return OK; }
int cublasGetProperty(int type, int *v) { *v = type == 0 ? 13 : type == 1 ? 1 : 0; return OK; }

/* C (m x n) = alpha op(A) op(B) + beta C, column-major */
int cublasSgemm_v2(blas_handle *h, int ta, int tb, int m, int n, int k, const float *alpha, const float *a, int lda,
                   const float *b, int ldb, const float *beta, float *c, int ldc) {
    (void) h;
    for (int j = 0; j < n; j++) {
        for (int i = 0; i < m; i++) {
            double s = 0;
            for (int p = 0; p < k; p++) {
                float av = ta ? a[p + (size_t) i * lda] : a[i + (size_t) p * lda];
                float bv = tb ? b[j + (size_t) p * ldb] : b[p + (size_t) j * ldb];
                s += (double) av * bv;
            }
            float *out = &c[i + (size_t) j * ldc];
            *out = (float) (*alpha * s + (*beta == 0 ? 0 : *beta * *out));
        }
    }
    return OK;
}

/* ---------------- cuDNN ---------------- */

typedef struct { int n; int dims[8]; int strides[8]; int type; } tensor_desc;
typedef struct { int n; int dims[8]; int type; int format; } filter_desc;
typedef struct { int pads[3], strides[3], dil[3]; int mode; int type; int math; } conv_desc;
typedef struct { int algo; int status; float time; size_t memory; int determinism; int mathType; int reserved[3]; } perf;

static const char *names[] = {"CUDNN_STATUS_SUCCESS", "?", "?", "CUDNN_STATUS_BAD_PARAM", "?", "?", "?", "?", "?",
                              "CUDNN_STATUS_NOT_SUPPORTED"};

size_t cudnnGetVersion(void) {
    const char *v = getenv("FAKE_CUDNN_VERSION");
    return v ? (size_t) atol(v) : 91900;
}
size_t cudnnGetCudartVersion(void) { return 13010; }
const char *cudnnGetErrorString(int s) { return s >= 0 && s <= 9 ? names[s] : "?"; }
int cudnnCreate(void **h) { *h = malloc(1); return OK; }
int cudnnDestroy(void *h) { free(h); return OK; }

int cudnnCreateTensorDescriptor(tensor_desc **d) { *d = calloc(1, sizeof(tensor_desc)); return OK; }
int cudnnDestroyTensorDescriptor(tensor_desc *d) { free(d); return OK; }
int cudnnSetTensorNdDescriptor(tensor_desc *d, int type, int n, const int *dims, const int *strides) {
    if (n != 5) return BAD_PARAM;
    d->n = n; d->type = type;
    memcpy(d->dims, dims, n * sizeof(int));
    memcpy(d->strides, strides, n * sizeof(int));
    return OK;
}
int cudnnCreateFilterDescriptor(filter_desc **d) { *d = calloc(1, sizeof(filter_desc)); return OK; }
int cudnnDestroyFilterDescriptor(filter_desc *d) { free(d); return OK; }
int cudnnSetFilterNdDescriptor(filter_desc *d, int type, int format, int n, const int *dims) {
    if (n != 5) return BAD_PARAM;
    d->n = n; d->type = type; d->format = format;
    memcpy(d->dims, dims, n * sizeof(int));
    return OK;
}
int cudnnCreateConvolutionDescriptor(conv_desc **d) { *d = calloc(1, sizeof(conv_desc)); return OK; }
int cudnnDestroyConvolutionDescriptor(conv_desc *d) { free(d); return OK; }
int cudnnSetConvolutionNdDescriptor(conv_desc *d, int len, const int *pads, const int *strides, const int *dil,
                                    int mode, int type) {
    if (len != 3) return BAD_PARAM;
    memcpy(d->pads, pads, 3 * sizeof(int));
    memcpy(d->strides, strides, 3 * sizeof(int));
    memcpy(d->dil, dil, 3 * sizeof(int));
    d->mode = mode; d->type = type;
    return OK;
}
int cudnnSetConvolutionMathType(conv_desc *d, int math) { d->math = math; return OK; }

/* Two suggestions: algorithm 7 with tensor-op math (TF32 only), then algorithm 1 with FMA math. */
static int suggest(int requested, int *returned, perf *p) {
    if (requested < 2) return BAD_PARAM;
    memset(p, 0, 2 * sizeof(perf));
    p[0].algo = 7; p[0].memory = 64; p[0].mathType = 1;
    p[1].algo = 1; p[1].memory = 128; p[1].mathType = 3;
    *returned = 2;
    return OK;
}
static int two(void *h, int *n) { (void) h; *n = 2; return OK; }
int cudnnGetConvolutionForwardAlgorithmMaxCount(void *h, int *n) { return two(h, n); }
int cudnnGetConvolutionBackwardDataAlgorithmMaxCount(void *h, int *n) { return two(h, n); }
int cudnnGetConvolutionBackwardFilterAlgorithmMaxCount(void *h, int *n) { return two(h, n); }
int cudnnGetConvolutionForwardAlgorithm_v7(void *h, void *x, void *w, void *c, void *y, int r, int *n, perf *p) {
    return suggest(r, n, p);
}
int cudnnGetConvolutionBackwardDataAlgorithm_v7(void *h, void *w, void *dy, void *c, void *dx, int r, int *n, perf *p) {
    return suggest(r, n, p);
}
int cudnnGetConvolutionBackwardFilterAlgorithm_v7(void *h, void *x, void *dy, void *c, void *dw, int r, int *n,
                                                  perf *p) {
    return suggest(r, n, p);
}
static size_t workspace(int algo) { return 1000 * (size_t) (algo + 1); }
int cudnnGetConvolutionForwardWorkspaceSize(void *h, void *x, void *w, void *c, void *y, int algo, size_t *s) {
    *s = workspace(algo); return OK;
}
int cudnnGetConvolutionBackwardDataWorkspaceSize(void *h, void *w, void *dy, void *c, void *dx, int algo, size_t *s) {
    *s = workspace(algo); return OK;
}
int cudnnGetConvolutionBackwardFilterWorkspaceSize(void *h, void *x, void *dy, void *c, void *dw, int algo,
                                                   size_t *s) {
    *s = workspace(algo); return OK;
}

enum { FORWARD, BACKWARD_DATA, BACKWARD_FILTER };

/* out = alpha * pass(a, b) + beta * out, for the cross-correlation of x (NCDHW, strided), w (KCDHW) and y. */
static int run(int pass, const conv_desc *c, const tensor_desc *x, const filter_desc *w, const tensor_desc *y,
               int algo, const void *ws, size_t wsBytes, const float *alpha, const float *beta, const float *a,
               const float *b, float *out) {
    if (x->type != 0 || y->type != 0 || w->type != 0 || c->type != 0 || w->format != 0 || c->mode != 1) return BAD_PARAM;
    if (x->dims[1] != w->dims[1] || y->dims[1] != w->dims[0] || x->dims[0] != y->dims[0]) return BAD_PARAM;
    if (algo != 1 && algo != 7) return BAD_PARAM;
    if (algo == 1 ? c->math != 3 : c->math == 3) return NOT_SUPPORTED;  /* the descriptor's math matches the algo */
    if (wsBytes < workspace(algo) || ws == NULL) return BAD_PARAM;
    size_t nx = 1, ny = 1, nw = 1;
    for (int i = 0; i < 5; i++) { nx *= x->dims[i]; ny *= y->dims[i]; nw *= w->dims[i]; }
    size_t nout = pass == FORWARD ? ny : pass == BACKWARD_DATA ? nx : nw;
    double *acc = calloc(nout, sizeof(double));
    const int *xd = x->dims, *wd = w->dims, *yd = y->dims, *xs = x->strides, *ys = y->strides;
    for (int n = 0; n < yd[0]; n++)
        for (int k = 0; k < yd[1]; k++)
            for (int ch = 0; ch < xd[1]; ch++)
                for (int od = 0; od < yd[2]; od++)
                    for (int oh = 0; oh < yd[3]; oh++)
                        for (int ow = 0; ow < yd[4]; ow++)
                            for (int kd = 0; kd < wd[2]; kd++)
                                for (int kh = 0; kh < wd[3]; kh++)
                                    for (int kw = 0; kw < wd[4]; kw++) {
                                        int id = od * c->strides[0] - c->pads[0] + kd * c->dil[0];
                                        int ih = oh * c->strides[1] - c->pads[1] + kh * c->dil[1];
                                        int iw = ow * c->strides[2] - c->pads[2] + kw * c->dil[2];
                                        if (id < 0 || ih < 0 || iw < 0 || id >= xd[2] || ih >= xd[3] || iw >= xd[4])
                                            continue;
                                        size_t xi = (size_t) n * xs[0] + (size_t) ch * xs[1] + (size_t) id * xs[2]
                                                    + (size_t) ih * xs[3] + (size_t) iw * xs[4];
                                        size_t yi = (size_t) n * ys[0] + (size_t) k * ys[1] + (size_t) od * ys[2]
                                                    + (size_t) oh * ys[3] + (size_t) ow * ys[4];
                                        size_t wi = ((((size_t) k * wd[1] + ch) * wd[2] + kd) * wd[3] + kh) * wd[4] + kw;
                                        if (pass == FORWARD) acc[yi] += (double) a[xi] * b[wi];
                                        else if (pass == BACKWARD_DATA) acc[xi] += (double) a[wi] * b[yi];
                                        else acc[wi] += (double) a[xi] * b[yi];
                                    }
    for (size_t i = 0; i < nout; i++) out[i] = (float) (*alpha * acc[i] + (*beta == 0 ? 0 : *beta * out[i]));
    free(acc);
    return OK;
}

int cudnnConvolutionForward(void *h, const float *alpha, tensor_desc *xd, const float *x, filter_desc *wd,
                            const float *w, conv_desc *c, int algo, void *ws, size_t wsBytes, const float *beta,
                            tensor_desc *yd, float *y) {
    return run(FORWARD, c, xd, wd, yd, algo, ws, wsBytes, alpha, beta, x, w, y);
}
int cudnnConvolutionBackwardData(void *h, const float *alpha, filter_desc *wd, const float *w, tensor_desc *dyd,
                                 const float *dy, conv_desc *c, int algo, void *ws, size_t wsBytes, const float *beta,
                                 tensor_desc *dxd, float *dx) {
    return run(BACKWARD_DATA, c, dxd, wd, dyd, algo, ws, wsBytes, alpha, beta, w, dy, dx);
}
int cudnnConvolutionBackwardFilter(void *h, const float *alpha, tensor_desc *xd, const float *x, tensor_desc *dyd,
                                   const float *dy, conv_desc *c, int algo, void *ws, size_t wsBytes,
                                   const float *beta, filter_desc *dwd, float *dw) {
    return run(BACKWARD_FILTER, c, xd, dwd, dyd, algo, ws, wsBytes, alpha, beta, x, dy, dw);
}
