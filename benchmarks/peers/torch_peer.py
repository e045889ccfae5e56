#!/usr/bin/env python3
"""PyTorch peer of the training-step benchmarks: the same work per step, on the CPU.

Cases (mean wall time per step, after warm-up, one thread unless TORCH_PEER_THREADS says more):

- ``fgan4``: the f-GAN section 4 step of TrainingStepBenchmark (kl, minimax): critic 1-64-64-1
  with tanh hidden layers and the identity output activation of KL (T = v), Gaussian generator
  x = mu + sigma*z, batches of 1,024 from P (0.33 N(-1,0.25^2) + 0.67 N(2,1.415^2)) and from Q;
  one forward pass per batch, one backward pass of F = E_P[T] - E_Q[exp(T - 1)] reaching both
  the critic's weights and the generator's (mu, sigma) through the input gradient, and two Adam
  updates (critic ascends F, generator descends it).
- ``2d-W-B``: a 2-D mode-coverage step, non-saturating GAN: generator 2-W-W-2 and
  discriminator 2-W-W-1 with ReLU hidden layers, z ~ N(0, I_2), batch B from an 8-mode ring of
  radius 2 (sigma 0.02); one discriminator update (logistic loss on a real and a fresh fake
  batch) and one generator update (-log D(G(z)) on a fresh batch), Adam (lr 1e-3, betas 0.5,
  0.999), for (W, B) in (64, 64), (128, 256), (256, 512) with two hidden layers, and
  ``2d-128-256-3``: three hidden layers of 128 at batch 256, the mode-coverage protocol's size.

- ``peak-gemm``: a 1,024 x 1,024 x 1,024 matrix product (``torch.mm``) on the same thread: the
  practical multiply-accumulate peak of one core, against which the steps' GMAC/s are read.

Each case runs in float32 and float64. Output: {"peer": "pytorch", "versions": ...,
"threads": n, "results": [{"case", "dtype", "seconds"}]}.

Usage: torch_peer.py OUT.json   (needs torch; benchmarks/run skips it with a message otherwise)
"""

import math
import os
import platform

import numpy as np
import torch

from peer_common import output_path, time_call, write_json

THREADS = int(os.environ.get("TORCH_PEER_THREADS", "1"))
TWO_D = [(64, 64, 2), (128, 256, 2), (256, 512, 2), (128, 256, 3)]


def mlp(sizes, hidden):
    layers = []
    for i in range(len(sizes) - 1):
        layers.append(torch.nn.Linear(sizes[i], sizes[i + 1]))
        if i + 2 < len(sizes):
            layers.append(hidden())
    return torch.nn.Sequential(*layers)


def fgan4_step(dtype):
    torch.manual_seed(1)
    critic = mlp([1, 64, 64, 1], torch.nn.Tanh).to(dtype)
    mu = torch.zeros(1, dtype=dtype, requires_grad=True)
    log_sigma = torch.zeros(1, dtype=dtype, requires_grad=True)
    opt_c = torch.optim.Adam(critic.parameters(), lr=1e-3)
    opt_g = torch.optim.Adam([mu, log_sigma], lr=1e-3)
    batch = 1024
    weights = torch.tensor([0.33, 0.67], dtype=dtype)
    means = torch.tensor([-1.0, 2.0], dtype=dtype)
    scales = torch.tensor([0.25, 1.415], dtype=dtype)

    def step():
        k = torch.multinomial(weights, batch, replacement=True)
        real = (means[k] + scales[k] * torch.randn(batch, dtype=dtype)).unsqueeze(1)
        fake = mu + torch.exp(log_sigma) * torch.randn(batch, 1, dtype=dtype)
        objective = critic(real).mean() - torch.exp(critic(fake) - 1.0).mean()
        opt_c.zero_grad()
        opt_g.zero_grad()
        objective.backward()
        for p in critic.parameters():
            p.grad.neg_()  # the critic ascends F
        opt_c.step()
        opt_g.step()

    return step


def ring(batch, dtype):
    k = torch.randint(0, 8, (batch,))
    angle = 2.0 * math.pi * k.to(dtype) / 8.0
    centres = torch.stack([2.0 * torch.cos(angle), 2.0 * torch.sin(angle)], dim=1)
    return centres + 0.02 * torch.randn(batch, 2, dtype=dtype)


def two_d_step(width, batch, layers, dtype):
    torch.manual_seed(1)
    gen = mlp([2] + [width] * layers + [2], torch.nn.ReLU).to(dtype)
    disc = mlp([2] + [width] * layers + [1], torch.nn.ReLU).to(dtype)
    opt_g = torch.optim.Adam(gen.parameters(), lr=1e-3, betas=(0.5, 0.999))
    opt_d = torch.optim.Adam(disc.parameters(), lr=1e-3, betas=(0.5, 0.999))
    bce = torch.nn.functional.binary_cross_entropy_with_logits
    ones = torch.ones(batch, 1, dtype=dtype)
    zeros = torch.zeros(batch, 1, dtype=dtype)

    def step():
        real = ring(batch, dtype)
        with torch.no_grad():
            fake = gen(torch.randn(batch, 2, dtype=dtype))
        d_loss = bce(disc(real), ones) + bce(disc(fake), zeros)
        opt_d.zero_grad()
        d_loss.backward()
        opt_d.step()
        g_loss = bce(disc(gen(torch.randn(batch, 2, dtype=dtype))), ones)
        opt_g.zero_grad()
        g_loss.backward()
        opt_g.step()

    return step


GEMM_N = 1024


def gemm(dtype):
    torch.manual_seed(1)
    a = torch.randn(GEMM_N, GEMM_N, dtype=dtype)
    b = torch.randn(GEMM_N, GEMM_N, dtype=dtype)
    out = torch.empty(GEMM_N, GEMM_N, dtype=dtype)

    def step():
        torch.mm(a, b, out=out)

    return step


def main():
    path = output_path()
    torch.set_num_threads(THREADS)
    results = []
    for dtype, name in ((torch.float32, "float32"), (torch.float64, "float64")):
        cases = [("fgan4", fgan4_step(dtype))]
        cases += [("2d-%d-%d" % (w, b) if n == 2 else "2d-%d-%d-%d" % (w, b, n), two_d_step(w, b, n, dtype))
                  for w, b, n in TWO_D]
        cases.append(("peak-gemm", gemm(dtype)))
        for case, step in cases:
            for _ in range(200):  # warm-up: allocator caches, Adam state
                step()
            entry = {"case": case, "dtype": name, "seconds": time_call(step)}
            if case == "peak-gemm":
                entry["macs"] = GEMM_N ** 3
            results.append(entry)
    versions = {"python": platform.python_version(), "torch": torch.__version__,
                "numpy": np.__version__}
    write_json(path, {"peer": "pytorch", "versions": versions, "threads": THREADS,
                      "results": results})


if __name__ == "__main__":
    main()
