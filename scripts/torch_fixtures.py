#!/usr/bin/env python3
"""Writes the PyTorch reference fixtures the Neural tests compare against, and checks
Swift-written models in PyTorch.

    python3 scripts/torch_fixtures.py                 # (re)write Tests/NeuralTests/Fixtures/
    python3 scripts/torch_fixtures.py --check-swift M.safetensors

`--check-swift` loads a Swift-written model into PyTorch and compares predictions. Files the
test suite exports carry their inputs and Swift's outputs in the metadata; for any other
file, such as a backtest's `model-fold-<k>.safetensors`, the script feeds seeded random
windows to `walkforward model run` (a release build, or `--walkforward PATH`) and to
PyTorch.

Each fixture is a small two-layer network (rnn, lstm, gru; heads `last` and `maxpool`)
with its flat parameters in state_dict order, inputs, targets, outputs, the loss and the
gradient of every parameter for MSE, MAE and Huber, and the parameters after one Adam step
(with and without gradient clipping). `torch-window-mlp.json` holds the same for the
window MLP baseline. The tests read these JSON files; they never need PyTorch.
Needs: torch (CPU build is enough), safetensors.
"""
import argparse
import struct
import json
import pathlib
import subprocess
import sys
import tempfile

import torch
import torch.nn as nn
from safetensors import safe_open
from safetensors.torch import load_file, save_file

ROOT = pathlib.Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "Tests" / "NeuralTests" / "Fixtures"
CELLS = {"rnn": nn.RNN, "lstm": nn.LSTM, "gru": nn.GRU}
HUBER_DELTA = 0.5


class Forecaster(nn.Module):
    """Stacked recurrent layers, then a linear head on the last step or the max over time."""

    def __init__(self, cell, input_size, hidden, layers, output_size, head, nonlinearity):
        super().__init__()
        extra = {"nonlinearity": nonlinearity} if cell == "rnn" else {}
        self.rnn = CELLS[cell](input_size, hidden, num_layers=layers, batch_first=True, **extra)
        self.head = nn.Linear(hidden, output_size)
        self.pooling = head

    def forward(self, x):  # x: [batch, time, features]
        out, _ = self.rnn(x)
        features = out[:, -1, :] if self.pooling == "last" else out.max(dim=1).values
        return self.head(features)


class WindowMLP(nn.Module):
    """The flattened window through one ReLU hidden layer to a linear head."""

    def __init__(self, window_length, input_size, hidden, output_size):
        super().__init__()
        self.hidden = nn.Linear(window_length * input_size, hidden)
        self.head = nn.Linear(hidden, output_size)

    def forward(self, x):  # x: [batch, window, features], read as [batch, window * features]
        return self.head(torch.relu(self.hidden(x.flatten(start_dim=1))))


def flat(tensors):
    return torch.cat([t.detach().reshape(-1) for t in tensors]).tolist()


def losses(outputs, targets):
    return {
        "mse": nn.MSELoss()(outputs, targets),
        "mae": nn.L1Loss()(outputs, targets),
        "huber": nn.HuberLoss(delta=HUBER_DELTA)(outputs, targets),
    }


def make_fixture(cell, head, output_size, nonlinearity="tanh", seed=0):
    torch.manual_seed(seed)
    layers, input_size, hidden, time_steps, batch = 2, 3, 4, 5, 3
    model = Forecaster(cell, input_size, hidden, layers, output_size, head, nonlinearity)
    x = torch.randn(batch, time_steps, input_size)
    y = torch.randn(batch, output_size)
    initial = {k: v.clone() for k, v in model.state_dict().items()}

    fixture = {
        "cell": cell, "head": head, "layers": layers, "hidden": hidden,
        "input_size": input_size, "output_size": output_size, "nonlinearity": nonlinearity,
        "time_steps": time_steps, "batch": batch, "huber_delta": HUBER_DELTA,
        "torch": torch.__version__,
        "names": list(initial), "parameters": flat(initial.values()),
        "inputs": x.reshape(-1).tolist(), "targets": y.reshape(-1).tolist(),
    }
    record_training(fixture, model, initial, x, y)
    return fixture


def record_training(fixture, model, initial, x, y):
    """Adds outputs, every loss with its gradient, and one Adam step to `fixture`."""
    with torch.no_grad():
        fixture["outputs"] = model(x).reshape(-1).tolist()

    fixture["losses"] = {}
    for name in ("mse", "mae", "huber"):
        model.zero_grad(set_to_none=True)
        loss = losses(model(x), y)[name]
        loss.backward()
        fixture["losses"][name] = {
            "value": loss.item(), "gradient": flat(p.grad for p in model.parameters())}

    # One Adam step on the MSE gradient, plain and after clipping by global norm.
    for key, clip in (("adam", None), ("adam_clipped", 0.05)):
        model.load_state_dict(initial)
        optimizer = torch.optim.Adam(model.parameters(), lr=0.01, weight_decay=0.1)
        optimizer.zero_grad()
        nn.MSELoss()(model(x), y).backward()
        if clip is not None:
            nn.utils.clip_grad_norm_(model.parameters(), clip)
        optimizer.step()
        fixture[key] = {"learning_rate": 0.01, "weight_decay": 0.1, "clip": clip,
                        "updated": flat(model.parameters())}


def make_window_fixture(seed=0):
    torch.manual_seed(seed)
    window_length, input_size, hidden, output_size, batch = 4, 3, 5, 2, 3
    model = WindowMLP(window_length, input_size, hidden, output_size)
    x = torch.randn(batch, window_length, input_size)
    y = torch.randn(batch, output_size)
    initial = {k: v.clone() for k, v in model.state_dict().items()}

    fixture = {
        "window_length": window_length, "input_size": input_size, "hidden": hidden,
        "output_size": output_size, "batch": batch, "huber_delta": HUBER_DELTA,
        "torch": torch.__version__,
        "names": list(initial), "parameters": flat(initial.values()),
        "inputs": x.reshape(-1).tolist(), "targets": y.reshape(-1).tolist(),
    }
    record_training(fixture, model, initial, x, y)
    return fixture


def write_fixtures():
    FIXTURES.mkdir(parents=True, exist_ok=True)
    cases = [(cell, head, 1 if head == "last" else 2, "tanh")
             for cell in CELLS for head in ("last", "maxpool")]
    cases.append(("rnn", "last", 1, "relu"))
    for index, (cell, head, outputs, nonlinearity) in enumerate(cases):
        fixture = make_fixture(cell, head, outputs, nonlinearity, seed=index)
        suffix = "-relu" if nonlinearity == "relu" else ""
        path = FIXTURES / f"torch-{cell}-{head}{suffix}.json"
        path.write_text(json.dumps(fixture) + "\n")
        print(f"wrote {path.relative_to(ROOT)}")
    write_window_fixture()
    write_torch_model()


def write_window_fixture():
    path = FIXTURES / "torch-window-mlp.json"
    path.write_text(json.dumps(make_window_fixture(seed=100)) + "\n")
    print(f"wrote {path.relative_to(ROOT)}")


def write_torch_model():
    """A PyTorch-written safetensors model and the predictions PyTorch makes with it."""
    torch.manual_seed(42)
    model = Forecaster("gru", 3, 6, 2, 2, "last", "tanh")
    x = torch.randn(4, 7, 3)
    with torch.no_grad():
        outputs = model(x)
    metadata = {"cell": "gru", "layers": "2", "hidden": "6", "input_size": "3",
                "output_size": "2", "head": "last", "scaler_mean": "[0.5,1.5,-2]",
                "scaler_std": "[1,2,3]"}
    state = {k: v.contiguous() for k, v in model.state_dict().items()}
    path = FIXTURES / "torch-gru-model.safetensors"
    save_file(state, str(path), metadata=metadata)
    sort_metadata(path)
    expected = {"inputs": x.reshape(-1).tolist(), "batch": 4,
                "outputs": outputs.reshape(-1).tolist()}
    (FIXTURES / "torch-gru-model.json").write_text(json.dumps(expected) + "\n")
    print("wrote Tests/NeuralTests/Fixtures/torch-gru-model.safetensors")


def sort_metadata(path):
    """Rewrites a safetensors header with its `__metadata__` keys sorted.

    The safetensors library serialises metadata from a hash map, so the key order (and with
    it the file's bytes) changes from run to run; sorted keys make the fixture reproducible.
    """
    raw = path.read_bytes()
    length = struct.unpack("<Q", raw[:8])[0]
    header = json.loads(raw[8:8 + length])
    header["__metadata__"] = dict(sorted(header["__metadata__"].items()))
    text = json.dumps(header, separators=(",", ":")).encode()
    text += b" " * (-len(text) % 8)  # the format pads the header to 8 bytes with spaces
    path.write_bytes(struct.pack("<Q", len(text)) + text + raw[8 + length:])


def check_swift(path, walkforward):
    """Loads a Swift-written file into PyTorch and compares its predictions with Swift's."""
    with safe_open(path, framework="pt") as handle:
        metadata = handle.metadata()
    model = Forecaster(metadata["cell"], int(metadata["input_size"]), int(metadata["hidden"]),
                       int(metadata["layers"]), int(metadata["output_size"]),
                       metadata.get("head", "last"), metadata.get("nonlinearity", "tanh"))
    model.load_state_dict(load_file(path), strict=True)
    model.eval()
    if "check_inputs" in metadata:
        x = torch.tensor(json.loads(metadata["check_inputs"]), dtype=torch.float32)
        swift = torch.tensor(json.loads(metadata["check_outputs"]), dtype=torch.float32)
        source = "outputs stored by the test"
    else:
        generator = torch.Generator().manual_seed(0)
        x = torch.randn(4, 20, int(metadata["input_size"]), generator=generator)
        swift = predict_with_walkforward(walkforward, path, x)
        source = "walkforward model run, seeded random windows"
    with torch.no_grad():
        ours = model(x)
    difference = (ours - swift).abs().max().item()
    close = torch.allclose(ours, swift, rtol=1e-5, atol=1e-6)
    print(f"{path}: {metadata['cell']} x{metadata['layers']} head={metadata.get('head')}, "
          f"{x.shape[0]} windows ({source}), max |torch - swift| = {difference:.3g}: "
          f"{'match' if close else 'MISMATCH'}")
    return 0 if close else 1


def predict_with_walkforward(walkforward, path, x):
    """`walkforward model run` on the windows `x` [batch, time, features], as a tensor."""
    if not pathlib.Path(walkforward).is_file():
        sys.exit(f"{walkforward}: no such program; build it with `swift build -c release` "
                 "or name it with --walkforward PATH")
    windows = ["\n".join(",".join(repr(float(v)) for v in step) for step in window)
               for window in x.tolist()]
    with tempfile.NamedTemporaryFile("w", suffix=".csv") as inputs:
        inputs.write("\n\n".join(windows) + "\n")
        inputs.flush()
        result = subprocess.run([walkforward, "model", "run", path, inputs.name],
                                capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit(f"{path}: walkforward model run failed: {result.stderr.strip()}")
    rows = [[float(value) for value in line.split(",")] for line in result.stdout.splitlines()]
    return torch.tensor(rows, dtype=torch.float32)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check-swift", metavar="FILE", action="append",
                        help="verify a Swift-written .safetensors (repeatable)")
    parser.add_argument("--walkforward", metavar="PATH",
                        default=str(ROOT / ".build" / "release" / "walkforward"),
                        help="the program that predicts for files without stored outputs")
    arguments = parser.parse_args(argv)
    if arguments.check_swift:
        return max(check_swift(path, arguments.walkforward) for path in arguments.check_swift)
    write_fixtures()
    return 0


if __name__ == "__main__":
    sys.exit(main())
