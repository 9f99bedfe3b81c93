import i18next from 'i18next';
import LanguageDetector from 'i18next-browser-languagedetector';
import { initReactI18next } from 'react-i18next';
import { languages, namespaces, resources } from './resources.ts';

/** Where the chosen language is remembered; the browser's language decides until one is chosen. */
export const languageStorageKey = 'consilium.language';

/**
 * One i18next instance for the page. English is the fallback, so a key missing in Chinese shows
 * English (and the locale test fails on it) rather than a raw key.
 */
export const i18n = i18next.createInstance();

void i18n
  .use(LanguageDetector)
  .use(initReactI18next)
  .init({
    resources,
    ns: namespaces,
    defaultNS: 'common',
    fallbackLng: 'en',
    supportedLngs: [...languages],
    // "zh", "zh-Hans", "zh-SG" all read Simplified Chinese.
    nonExplicitSupportedLngs: false,
    load: 'currentOnly',
    interpolation: { escapeValue: false }, // React escapes.
    detection: {
      order: ['querystring', 'localStorage', 'navigator'],
      lookupQuerystring: 'lang',
      lookupLocalStorage: languageStorageKey,
      caches: ['localStorage'],
      convertDetectedLanguage: (lng: string) => (/^zh(-|$)/i.test(lng) ? 'zh-CN' : lng),
    },
    returnNull: false,
  });

i18n.on('languageChanged', (lng) => {
  document.documentElement.lang = lng;
});
document.documentElement.lang = i18n.resolvedLanguage ?? 'en';
