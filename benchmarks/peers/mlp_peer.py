#!/usr/bin/env python3
"""Peer of MlpBenchmark.forwardBackward: a NumPy float64 MLP step for the same shapes.

Critic 1-W-W-1, tanh hidden layers, linear output, batch B: forward pass, then the backward
pass giving every weight and bias gradient and the gradient with respect to the input (what
the f-GAN trainer needs), for B in {256, 2048} and W in {64, 256}. Layout: batch-major
activations (B x W), weights W_in x W_out, so every product is one numpy.matmul (BLAS dgemm).

Usage: mlp_peer.py OUT.json
"""

import numpy as np

from peer_common import output_path, time_call, versions, write_json

BATCHES = [256, 2048]
WIDTHS = [64, 256]


def make(width, batch):
    rng = np.random.default_rng(1)
    w1 = rng.normal(0, 1.0, (1, width))
    b1 = np.zeros(width)
    w2 = rng.normal(0, 1.0 / np.sqrt(width), (width, width))
    b2 = np.zeros(width)
    w3 = rng.normal(0, 1.0 / np.sqrt(width), (width, 1))
    b3 = np.zeros(1)
    x = rng.normal(size=(batch, 1))
    grad_out = rng.uniform(-1, 1, (batch, 1)) / batch

    def step():
        a1 = np.tanh(x @ w1 + b1)
        a2 = np.tanh(a1 @ w2 + b2)
        out = a2 @ w3 + b3
        d3 = grad_out
        g_w3 = a2.T @ d3
        g_b3 = d3.sum(axis=0)
        d2 = (d3 @ w3.T) * (1.0 - a2 * a2)
        g_w2 = a1.T @ d2
        g_b2 = d2.sum(axis=0)
        d1 = (d2 @ w2.T) * (1.0 - a1 * a1)
        g_w1 = x.T @ d1
        g_b1 = d1.sum(axis=0)
        g_x = d1 @ w1.T
        return out, g_w1, g_b1, g_w2, g_b2, g_w3, g_b3, g_x

    return step


def main():
    path = output_path()
    results = []
    for batch in BATCHES:
        for width in WIDTHS:
            results.append({"batch": batch, "width": width, "seconds": time_call(make(width, batch))})
    write_json(path, {"peer": "numpy float64", "versions": versions(), "results": results})


if __name__ == "__main__":
    main()
