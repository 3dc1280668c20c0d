import type { Localized } from './index.js';

const nl = {
  viewLabel: 'Bekijk op de kaart',
  directionsLabel: 'Plan uw route',
  coordinates: (lat: number, lon: number) => `coördinaten ${lat}, ${lon}`,
  noLink: 'kan geen kaartlink maken',
  badAttributes: 'ongeldige attributen, de link gebruikt wat wel klopt',
  missingPlace: 'geef een adres (address) of geldige coördinaten (lat en lon)',
  // Each issue carries its attribute as `path`; lat/lon reuse the schema's messages. Followed
  // by `schemaMessages.field.oneOf` with the allowed values.
  unknownValue: (value: string) => `onbekende waarde "${value}"`,
};

const en: typeof nl = {
  viewLabel: 'View on map',
  directionsLabel: 'Get directions',
  coordinates: (lat, lon) => `coordinates ${lat}, ${lon}`,
  noLink: 'cannot make a map link',
  badAttributes: 'invalid attributes, the link uses what is valid',
  missingPlace: 'give an address or valid coordinates (lat and lon)',
  unknownValue: (value) => `unknown value "${value}"`,
};

/** `<bijeen-map-link>`. */
export const mapLinkMessages: Localized<typeof nl> = { nl, en };
