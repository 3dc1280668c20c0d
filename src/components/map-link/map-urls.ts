/** Where a map link points: coordinates when valid, else a free-text address. */
export type MapTarget = { lat: number; lon: number } | { address: string };

export type MapProvider = 'osm' | 'google' | 'apple' | 'geo';
export type MapMode = 'view' | 'directions';

/** The allowed values; the first is the default. */
export const MAP_PROVIDERS: readonly MapProvider[] = ['osm', 'google', 'apple', 'geo'];
export const MAP_MODES: readonly MapMode[] = ['view', 'directions'];

/** The provider `value` names, or `undefined` when it names none of `MAP_PROVIDERS`. */
export const knownProvider = (value?: string): MapProvider | undefined => MAP_PROVIDERS.find((provider) => provider === value);

/**
 * The provider's URL for a place. Pure string building: nothing is requested until the visitor
 * follows the link. Coordinates are joined with an encoded comma so every provider reads them
 * as one value.
 */
export function mapUrl(provider: MapProvider, mode: MapMode, target: MapTarget): string {
  const coords = 'lat' in target ? `${target.lat},${target.lon}` : undefined;
  const place = encodeURIComponent(coords ?? (target as { address: string }).address);
  const route = mode === 'directions';
  switch (provider) {
    case 'google':
      return `https://www.google.com/maps/${route ? 'dir/?api=1&destination' : 'search/?api=1&query'}=${place}`;
    case 'apple':
      return `https://maps.apple.com/?${route ? 'daddr' : coords ? `ll=${place}&q` : 'q'}=${place}`;
    case 'geo':
      // RFC 5870 has no route planning: the device's map app offers that itself.
      return coords ? `geo:${coords}` : `geo:0,0?q=${place}`;
    default:
      return route
        ? `https://www.openstreetmap.org/directions?to=${place}`
        : 'lat' in target
          ? `https://www.openstreetmap.org/?mlat=${target.lat}&mlon=${target.lon}#map=17/${target.lat}/${target.lon}`
          : `https://www.openstreetmap.org/search?query=${place}`;
  }
}
