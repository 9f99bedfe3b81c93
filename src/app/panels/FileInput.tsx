// A file picker in the page's language. The browser's own <input type="file"> says "Choose File
// / No file chosen" in the browser's language, whatever the page's. The real input stays (visually
// hidden but focusable and labelled, so keyboards, screen readers, an enclosing <label> and the
// tests reach it as before); a button and the chosen file's name stand in for its face.
import { useRef, useState, type InputHTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import './fileInput.css';

export type FileInputProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'type'>;

export function FileInput({ onChange, className, ...props }: FileInputProps) {
  const { t } = useTranslation('common');
  const input = useRef<HTMLInputElement>(null);
  const [chosen, setChosen] = useState<string[]>([]);
  return (
    <span className={className ? `file-input ${className}` : 'file-input'}>
      <input
        {...props}
        ref={input}
        type="file"
        className="file-input-native"
        onChange={(e) => {
          // Read before the caller's handler, which may clear the input to allow a re-pick.
          setChosen([...(e.target.files ?? [])].map((f) => f.name));
          onChange?.(e);
        }}
      />
      {/* The input is what is labelled and focused; these are its face, for the pointer. */}
      <button
        type="button"
        tabIndex={-1}
        aria-hidden="true"
        disabled={props.disabled}
        onClick={() => input.current?.click()}
      >
        {props.multiple ? t('fileInput.chooseMany') : t('fileInput.choose')}
      </button>
      <span className="file-input-name" aria-hidden="true">
        {chosen.length === 0
          ? t('fileInput.none')
          : chosen.length === 1
            ? chosen[0]
            : t('fileInput.many', { count: chosen.length })}
      </span>
    </span>
  );
}
