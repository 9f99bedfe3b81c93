import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { loadFiles } from '../actions/loadFiles.ts';
import { openDemo } from '../actions/openDemo.ts';
import { sourcesFromFileList } from '../ingest/fromFileList.ts';
import { canPickFolder, pickFolder } from '../persist/folderAccess.ts';
import { warmWorkers } from '../services/warmWorkers.ts';

/** One "Open" menu: files (DICOM or .zip), a whole folder, or the demo study. A folder opened
 * through the File System Access API (Chromium) is remembered, so a reload can ask for it again. */
export function OpenButtons() {
  const { t } = useTranslation('toolbar');
  const menu = useRef<HTMLDetailsElement>(null);
  const folder = useRef<HTMLInputElement>(null);
  useEffect(() => {
    // Not in React's attribute types; Chromium, Firefox and Safari all support it.
    folder.current?.setAttribute('webkitdirectory', '');
    // A pick soon after the page opens finds the workers up (they idle out after 30 s; pointing
    // at Open starts them again). Safari has no requestIdleCallback: a timer there.
    if (typeof requestIdleCallback !== 'function') {
      const timer = setTimeout(warmWorkers, 500);
      return () => clearTimeout(timer);
    }
    const idle = requestIdleCallback(warmWorkers, { timeout: 2000 });
    return () => cancelIdleCallback(idle);
  }, []);
  const close = () => menu.current?.removeAttribute('open');
  const onPick = (e: React.ChangeEvent<HTMLInputElement>) => {
    const files = e.target.files;
    if (files && files.length > 0) void loadFiles(sourcesFromFileList(files));
    e.target.value = '';
    close();
  };
  const openFolder = async () => {
    close();
    if (!canPickFolder()) return folder.current?.click();
    const sources = await pickFolder();
    if (sources && sources.length > 0) void loadFiles(sources);
  };
  return (
    <details
      ref={menu}
      className="open-menu"
      onKeyDown={(e) => {
        if (e.key === 'Escape' && menu.current?.open) {
          e.preventDefault(); // an overlay below must not close too
          close();
        }
      }}
    >
      {/* Pointing at Open starts the ingest and decode workers, so a pick's first image waits on
          neither's start-up. */}
      <summary className="button" onPointerEnter={warmWorkers} onFocus={warmWorkers}>
        {t('open.menu')}
      </summary>
      <div className="open-menu-items">
        <label className="button" title={t('open.filesTitle')}>
          {t('open.files')}
          <input type="file" multiple hidden onChange={onPick} data-testid="open-files" />
        </label>
        <button type="button" title={t('open.folderTitle')} onClick={() => void openFolder()}>
          {t('open.folder')}
        </button>
        <input
          ref={folder}
          type="file"
          multiple
          hidden
          onChange={onPick}
          data-testid="open-folder"
          aria-label={t('open.folder')}
        />
        <button
          type="button"
          title={t('open.demoTitle')}
          onClick={() => {
            close();
            void openDemo();
          }}
        >
          {t('open.demo')}
        </button>
      </div>
    </details>
  );
}
