#!/usr/bin/env python3
"""The machine's practical multiply-accumulate peak on one core: NumPy's BLAS on one thread.

A 1,024 x 1,024 x 1,024 matrix product (numpy.matmul, BLAS dgemm / sgemm) in float64 and float32,
with the BLAS restricted to one thread (the variables are set before NumPy loads its BLAS). The
training steps' GMAC/s in the benchmark table are read against these figures: a dense-layer step
cannot run faster than the best-tuned product of the same precision on the same core.

Usage: gemm_peer.py OUT.json
"""

import os

for var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS", "BLIS_NUM_THREADS"):
    os.environ[var] = "1"

import numpy as np  # noqa: E402  (after the thread limits, which NumPy's BLAS reads at load)

from peer_common import output_path, time_call, versions, write_json  # noqa: E402

N = 1024


def gemm(dtype):
    rng = np.random.default_rng(1)
    a = rng.standard_normal((N, N)).astype(dtype)
    b = rng.standard_normal((N, N)).astype(dtype)
    out = np.empty((N, N), dtype=dtype)

    def step():
        np.matmul(a, b, out=out)

    return step


def main():
    path = output_path()
    results = [{"case": "peak-gemm", "dtype": name, "macs": N ** 3, "seconds": time_call(gemm(dtype))}
               for dtype, name in ((np.float64, "float64"), (np.float32, "float32"))]
    write_json(path, {"peer": "numpy-gemm", "versions": versions(), "threads": 1, "results": results})


if __name__ == "__main__":
    main()
