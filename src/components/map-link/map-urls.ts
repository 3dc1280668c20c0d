/** Where a map link points: coordinates when valid, else a free-text address. */
export type MapTarget = { lat: number; lon: number } | { address: string };

export type MapProvider = 'osm' | 'google' | 'apple' | 'geo';
export type MapMode = 'view' | 'directions';

export const MAP_PROVIDERS: readonly MapProvider[] = ['osm', 'google', 'apple', 'geo'];
export const MAP_MODES: readonly MapMode[] = ['view', 'directions'];

const q = encodeURIComponent;

/**
 * The provider's URL for a place. Pure string building: nothing is requested until the visitor
 * follows the link. Coordinates are joined with an encoded comma so every provider reads them
 * as one value.
 */
export function mapUrl(provider: MapProvider, mode: MapMode, target: MapTarget): string {
  const coords = 'lat' in target ? `${target.lat},${target.lon}` : undefined;
  const place = coords ?? (target as { address: string }).address;

  switch (provider) {
    case 'google':
      return mode === 'directions'
        ? `https://www.google.com/maps/dir/?api=1&destination=${q(place)}`
        : `https://www.google.com/maps/search/?api=1&query=${q(place)}`;
    case 'apple':
      return mode === 'directions'
        ? `https://maps.apple.com/?daddr=${q(place)}`
        : coords
          ? `https://maps.apple.com/?ll=${q(coords)}&q=${q(coords)}`
          : `https://maps.apple.com/?q=${q(place)}`;
    case 'geo':
      // RFC 5870 has no route planning: the device's map app offers that itself.
      return coords ? `geo:${coords}` : `geo:0,0?q=${q(place)}`;
    case 'osm':
    default:
      if (mode === 'directions') return `https://www.openstreetmap.org/directions?to=${q(place)}`;
      return 'lat' in target
        ? `https://www.openstreetmap.org/?mlat=${target.lat}&mlon=${target.lon}#map=17/${target.lat}/${target.lon}`
        : `https://www.openstreetmap.org/search?query=${q(place)}`;
  }
}
