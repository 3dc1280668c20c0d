// A partner's Vite set-up: a React page and a Vue page. Vue is told which tags are custom
// elements (the README's recipe), so it leaves them to the browser.
import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'vite';

export default defineConfig({
  plugins: [vue({ template: { compilerOptions: { isCustomElement: (tag) => tag.startsWith('bijeen-') } } })],
  build: { rollupOptions: { input: ['react.html', 'vue.html'] } },
});
