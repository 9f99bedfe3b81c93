// Settings as the text of a settings file: what Save settings… downloads and what results
// carry, read back by readSettings to the same settings.
import { Document, isSeq, visit } from 'yaml';
import { fileOfSettings, type FeatureSettings } from './settings.ts';

export type SettingsFormat = 'yaml' | 'json';

/** Lists of numbers and names on one line ([1, 1, 2]), maps as indented blocks. */
function yamlOf(file: object): string {
  const doc = new Document(file);
  visit(doc, {
    Seq(_, node) {
      if (isSeq(node)) node.flow = true;
    },
  });
  return doc.toString({ flowCollectionPadding: false });
}

export function settingsText(settings: FeatureSettings, format: SettingsFormat): string {
  const file = fileOfSettings(settings);
  if (format === 'json') return JSON.stringify(file, null, 2) + '\n';
  return (
    '# Consilium feature settings (docs/params.schema.json): consilium features --params FILE\n' +
    yamlOf(file)
  );
}
