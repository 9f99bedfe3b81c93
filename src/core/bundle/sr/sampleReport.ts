import { sampleResults } from '../sampleResults';
import type { ReportInput } from './measurementReport';
import { SOFTWARE } from '../../version';

// Synthetic report content (made-up 2.25 UIDs, sample results) for tests and examples.
export async function sampleReportInput(): Promise<ReportInput> {
  const results = await sampleResults();
  return {
    patient: { id: 'a1b2c3d4e5f60718293a4b5c6d7e8f90' },
    study: { instanceUid: '2.25.1234567890123456789', date: '20200101', time: '120000' },
    images: [
      {
        sopClassUid: '1.2.840.10008.5.1.4.1.1.2',
        sopInstanceUid: '2.25.111',
        seriesInstanceUid: '2.25.222',
      },
    ],
    features: results.features.slice(0, 2),
    predictions: results.predictions.slice(0, 1),
    device: {
      uid: '2.25.333',
      name: 'Consilium',
      manufacturer: 'Consilium project',
      softwareVersion: SOFTWARE.version,
    },
    seriesInstanceUid: '2.25.444',
    sopInstanceUid: '2.25.555',
    contentDate: '20250102',
    contentTime: '030405',
  };
}
