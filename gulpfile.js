// Copies what tsc does not emit (Node-RED editor HTML, locales, icons; n8n icons and codex files) into dist/.
const { src, dest, parallel } = require('gulp');

function editorAssets() {
  return src(['src/**/*.html', 'src/**/*.json', 'src/**/*.svg', 'src/**/*.png', 'nodes/**/*.svg', 'nodes/**/*.json'], {
    base: '.',
    allowEmpty: true,
    encoding: false,
  }).pipe(dest('dist'));
}

exports.default = parallel(editorAssets);
