#!/usr/bin/python3
"""Reference values for src/core/models/classifiers from scikit-learn (Debian python3-sklearn).

One small two-class data set (make_classification, seeded, rounded to 6 decimals so the JSON is
exact), each model in a Pipeline(StandardScaler, model) as Consilium trains it, and what sklearn
gives: coefficients and decision values for the convex models (solved to tight tolerances, L2 by
newton-cg whose stopping rule is the gradient, so the optimum, not the stopping rule, is compared;
L2 also at sklearn's default lbfgs stopping rule, which Consilium's default follows), Platt's sigmoid on given decision values, and the
test AUC of a random forest (a forest matches only in distribution, so its AUC is compared with a
margin). Run: /usr/bin/python3 tools/models/make-sklearn-fixtures.py
"""
import json
import pathlib

import numpy as np
import sklearn
from sklearn.calibration import _sigmoid_calibration
from sklearn.datasets import make_classification
from sklearn.ensemble import RandomForestClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import roc_auc_score
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler
from sklearn.svm import SVC

OUT = pathlib.Path(__file__).resolve().parents[2] / 'src/core/models/classifiers/fixtures/sklearn.fixtures.json'

X, y = make_classification(n_samples=400, n_features=8, n_informative=4, n_redundant=2,
                           flip_y=0.05, class_sep=0.8, random_state=7)
X = np.round(X * 3 + 10, 6)  # not already standardized, so the scaler matters
Xtr, ytr, Xte, yte = X[:200], y[:200], X[200:], y[200:]


def lin(model):
    pipe = make_pipeline(StandardScaler(), model).fit(Xtr, ytr)
    m = pipe[-1]
    return pipe, {
        'coef': m.coef_[0].tolist(),
        'intercept': float(m.intercept_[0]),
        'decision': pipe.decision_function(Xte).tolist(),
    }


out = {'sklearn': sklearn.__version__, 'Xtrain': Xtr.tolist(), 'ytrain': ytr.tolist(),
       'Xtest': Xte.tolist(), 'ytest': yte.tolist()}

pipe, rec = lin(LogisticRegression(C=0.5, solver='newton-cg', tol=1e-12, max_iter=100000))
rec['C'] = 0.5
rec['probability'] = pipe.predict_proba(Xte)[:, 1].tolist()
out['logregL2'] = rec

# The same model at sklearn's defaults (lbfgs, tol=1e-4, scipy's factr): where its stopping rule
# leaves it, which Consilium's default stopping rule must match.
pipe, rec = lin(LogisticRegression(C=0.5))
rec['C'] = 0.5
rec['iterations'] = int(pipe[-1].n_iter_[0])
out['logregL2Default'] = rec

pipe, rec = lin(LogisticRegression(penalty='l1', C=0.2, solver='saga', tol=1e-12, max_iter=1000000))
rec['C'] = 0.2
out['logregL1'] = rec

pipe, rec = lin(SVC(kernel='linear', C=0.7, tol=1e-10))
rec['C'] = 0.7
out['svmLinear'] = rec

pipe = make_pipeline(StandardScaler(), SVC(kernel='rbf', C=2.0, gamma='scale', tol=1e-10)).fit(Xtr, ytr)
out['svmRbf'] = {'C': 2.0, 'gamma': float(pipe[-1]._gamma), 'intercept': float(pipe[-1].intercept_[0]),
                 'decision': pipe.decision_function(Xte).tolist(),
                 'nSupport': int(pipe[-1].support_.size)}

# Platt's sigmoid as sklearn fits it (same targets as libsvm): p = 1 / (1 + exp(a f + b)).
f = pipe.decision_function(Xtr)
a, b = _sigmoid_calibration(f, ytr)
out['platt'] = {'decision': f.tolist(), 'a': float(a), 'b': float(b)}

aucs = []
for seed in range(5):
    rf = RandomForestClassifier(n_estimators=200, max_features='sqrt', random_state=seed).fit(Xtr, ytr)
    aucs.append(roc_auc_score(yte, rf.predict_proba(Xte)[:, 1]))
out['forest'] = {'nTrees': 200, 'testAuc': float(np.mean(aucs)), 'testAucs': aucs}

OUT.parent.mkdir(parents=True, exist_ok=True)
OUT.write_text(json.dumps(out, indent=1) + '\n')
print('wrote', OUT)
