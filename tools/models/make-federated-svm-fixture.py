#!/usr/bin/python3
"""The pooled reference for the federated linear SVM: the L2-regularised squared hinge loss with
an unpenalised intercept, ½‖w‖² + C·Σ max(0, 1 − yᵢ(w·zᵢ + b))², on scikit-learn's fixture cases
(Xtrain, ytrain of sklearn.fixtures.json) standardised by StandardScaler. scipy's L-BFGS-B gives
the optimum to ~1e-10; scikit-learn's LinearSVC (which also penalises the intercept, as a feature
of value intercept_scaling) is checked against it with a large intercept_scaling.
Writes src/core/models/federated/fixtures/squaredHinge.fixtures.json."""
import json
import os

import numpy as np
import scipy
import sklearn
from scipy.optimize import minimize
from sklearn.preprocessing import StandardScaler
from sklearn.svm import LinearSVC

root = os.path.join(os.path.dirname(__file__), '..', '..')
src = json.load(open(os.path.join(root, 'src/core/models/classifiers/fixtures/sklearn.fixtures.json')))
X = np.array(src['Xtrain'], dtype=float)
y01 = np.array(src['ytrain'], dtype=int)
y = np.where(y01 == 1, 1.0, -1.0)
C = 0.7
Z = StandardScaler().fit_transform(X)
p = Z.shape[1]


def objective(theta):
    w, b = theta[:p], theta[p]
    slack = np.maximum(0.0, 1 - y * (Z @ w + b))
    f = 0.5 * w @ w + C * slack @ slack
    r = -2 * C * y * slack
    g = np.concatenate([w + Z.T @ r, [r.sum()]])
    return f, g


fit = minimize(objective, np.zeros(p + 1), jac=True, method='L-BFGS-B',
               options={'gtol': 1e-13, 'ftol': 1e-16, 'maxiter': 100000})
theta = fit.x
# L-BFGS stops near 1e-7 in the gradient; a few generalised-Newton steps (numpy's solve) polish it.
for _ in range(20):
    active = (1 - y * (Z @ theta[:p] + theta[p])) > 0
    A = np.hstack([Z, np.ones((len(y), 1))])[active]
    H = 2 * C * A.T @ A
    H[:p, :p] += np.eye(p)
    theta = theta - np.linalg.solve(H, objective(theta)[1])
fit.x = theta
coef, intercept = fit.x[:p], fit.x[p]
gradient = np.abs(objective(fit.x)[1]).max()
assert gradient < 1e-8, gradient

svc = LinearSVC(C=C, loss='squared_hinge', dual=False, intercept_scaling=1000, tol=1e-12,
                max_iter=1000000)
svc.fit(Z, y01)
gap = max(np.abs(svc.coef_[0] - coef).max(), abs(svc.intercept_[0] - intercept))
assert gap < 1e-3, gap

out = {
    'generator': 'tools/models/make-federated-svm-fixture.py',
    'sklearn': sklearn.__version__,
    'scipy': scipy.__version__,
    'C': C,
    'coef': coef.tolist(),
    'intercept': float(intercept),
    'objective': float(objective(fit.x)[0]),
    'largestGradient': float(gradient),
    'linearSvcGap': float(gap),
}
path = os.path.join(root, 'src/core/models/federated/fixtures/squaredHinge.fixtures.json')
with open(path, 'w') as f:
    json.dump(out, f, indent=1)
    f.write('\n')
print(json.dumps({k: v for k, v in out.items() if k not in ('coef',)}))
