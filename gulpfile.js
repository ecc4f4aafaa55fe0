// Copies what tsc does not emit (editor HTML, locales, icons) into dist/.
const { src, dest, parallel } = require('gulp');

function editorAssets() {
  return src(['src/**/*.html', 'src/**/*.json', 'src/**/*.svg', 'src/**/*.png'], {
    base: '.',
    allowEmpty: true,
    encoding: false,
  }).pipe(dest('dist'));
}

exports.default = parallel(editorAssets);
