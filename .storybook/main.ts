import type { StorybookConfig } from '@storybook/web-components-vite';

const config: StorybookConfig = {
  stories: ['../stories/**/*.stories.ts'],
  addons: ['@storybook/addon-docs', '@storybook/addon-a11y'],
  framework: '@storybook/web-components-vite',
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
  async viteFinal(config) {
    // vite.config.ts describes the CDN library build; Storybook builds an app instead.
    // Storybook sets its own output directory; only the library-specific keys are dropped.
    if (config.build) {
      delete config.build.lib;
      delete config.build.rollupOptions;
    }
    config.optimizeDeps = {
      ...config.optimizeDeps,
      include: [...(config.optimizeDeps?.include ?? []), 'lit', 'lit/decorators.js', 'lit/directive-helpers.js'],
    };
    return config;
  },
};
export default config;
