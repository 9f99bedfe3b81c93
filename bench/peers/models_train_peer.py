#!/usr/bin/python3
"""Timing peer for bench/modelsTrain.ts: scikit-learn fits the same pipelines on the same matrix.

argv: X.raw (float64, n x p, row-major) y.raw (uint8) n p. Reads one family name per stdin line
("logreg-l2", ...), fits Pipeline(StandardScaler, model) as Consilium's pipeline does, writes the
training cases' P(label 1) as float64 to <X.raw>.<family>.sk and answers {"ms": fit time,
"cpuMs": the process's CPU time for the fit} (CPU time is the fair figure on a shared machine).
The first line out is {"ready": version} or {"skipped": reason}.
"""
import json
import sys
import time

try:
    import numpy as np
    import sklearn
    from sklearn.ensemble import RandomForestClassifier
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import StandardScaler
    from sklearn.svm import SVC
    from threadpoolctl import threadpool_limits
except ImportError as e:  # pragma: no cover
    print(json.dumps({'skipped': f'scikit-learn missing: {e}'}), flush=True)
    sys.exit(0)

xfile, yfile, n, p = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
X = np.fromfile(xfile, dtype=np.float64).reshape(n, p)
y = np.fromfile(yfile, dtype=np.uint8).astype(int)

MODELS = {
    'logreg-l2': lambda: LogisticRegression(C=1.0, solver='lbfgs', max_iter=10000),
    'logreg-l1': lambda: LogisticRegression(penalty='l1', C=0.1, solver='saga', max_iter=10000),
    'svm-linear': lambda: SVC(kernel='linear', C=1.0, probability=True, random_state=0),
    'svm-rbf': lambda: SVC(kernel='rbf', C=1.0, gamma='scale', probability=True, random_state=0),
    'forest': lambda: RandomForestClassifier(n_estimators=100, max_features='sqrt', random_state=0),
}

# One BLAS/OpenMP thread, as Consilium trains on one: the label says "one thread".
threadpool_limits(1)
# Each family fitted once on a small slice before anything is timed, as the Node side does for
# its JIT: lazy imports and first-call costs are not the fit.
for make in MODELS.values():
    make_pipeline(StandardScaler(), make()).fit(X[:200, :50], y[:200])
print(json.dumps({'ready': sklearn.__version__}), flush=True)
for line in sys.stdin:
    family = line.strip()
    if not family:
        break
    t0 = time.perf_counter()
    c0 = time.process_time()
    pipe = make_pipeline(StandardScaler(), MODELS[family]()).fit(X, y)
    ms = (time.perf_counter() - t0) * 1000
    cpu_ms = (time.process_time() - c0) * 1000
    pipe.predict_proba(X)[:, 1].astype(np.float64).tofile(f'{xfile}.{family}.sk')
    print(json.dumps({'ms': ms, 'cpuMs': cpu_ms}), flush=True)
