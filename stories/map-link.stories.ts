import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import '../src/components/map-link/map-link.js';

interface Args {
  address?: string;
  lat?: number;
  lon?: number;
  label?: string;
  provider: string;
  mode: string;
  lang: string;
}

const venue = 'Leeuweriksweg 12, 5402 XD Uden';

const meta: Meta<Args> = {
  title: 'Elements/Map link',
  component: 'bijeen-map-link',
  args: { address: venue, provider: 'osm', mode: 'view', lang: 'nl' },
  argTypes: {
    provider: { control: 'select', options: ['osm', 'google', 'apple', 'geo'] },
    mode: { control: 'inline-radio', options: ['view', 'directions'] },
    lang: { control: 'inline-radio', options: ['nl', 'en'] },
  },
  render: ({ address, lat, lon, label, provider, mode, lang }) => html`<bijeen-map-link
    address=${address ?? nothing}
    lat=${lat ?? nothing}
    lon=${lon ?? nothing}
    label=${label ?? nothing}
    provider=${provider}
    mode=${mode}
    lang=${lang}
  ></bijeen-map-link>`,
};
export default meta;

type Story = StoryObj<Args>;

export const OpenStreetMap: Story = {};
export const OpenStreetMapDirections: Story = { args: { mode: 'directions' } };
export const Coordinates: Story = { args: { address: undefined, lat: 51.6623, lon: 5.6181 } };
export const Google: Story = { args: { provider: 'google' } };
export const GoogleDirections: Story = { args: { provider: 'google', mode: 'directions' } };
export const Apple: Story = { args: { provider: 'apple' } };
export const AppleDirections: Story = { args: { provider: 'apple', mode: 'directions' } };
export const GeoUri: Story = { args: { provider: 'geo', lat: 51.6623, lon: 5.6181 } };
export const English: Story = { args: { lang: 'en' } };
export const EnglishDirections: Story = { args: { lang: 'en', mode: 'directions' } };
export const CustomLabel: Story = { args: { label: 'Route naar Area Wonen', mode: 'directions' } };
export const SlottedLabel: Story = {
  render: () => html`<bijeen-map-link address=${venue}><strong>Area Wonen</strong>, Uden</bijeen-map-link>`,
};
export const Themed: Story = {
  render: () => html`<div style="background:#12263f;color:#f5f7fa;padding:1rem">
    <bijeen-map-link
      address=${venue}
      style="--bijeen-link-color:#ffd479;--bijeen-focus-ring-color:#ffd479"
    ></bijeen-map-link>
  </div>`,
};
/** Neither an address nor valid coordinates: no link; the integrator gets a warning and `bijeen-data-error`. */
export const Invalid: Story = {
  tags: ['expect-data-error'],
  args: { address: undefined, lat: 123, lon: 5.6181 },
  render: ({ lat, lon }) => html`<p>
    Geen kaartlink:
    <bijeen-map-link lat=${lat ?? nothing} lon=${lon ?? nothing}></bijeen-map-link>
  </p>`,
};
