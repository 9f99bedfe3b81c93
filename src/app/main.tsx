import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import './i18n/i18n.ts';
import './styles/app.css';
import './styles/viewer.css';
import './styles/panels.css';

// Only the WebGPU parity test and benchmark load the self-test; normal pages never do.
if (new URLSearchParams(location.search).get('selftest') === 'webgpu')
  void import('./selftest/gpuSelftest.ts').then((m) => m.installGpuSelftest());

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
