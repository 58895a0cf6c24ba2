// CloudFront Function (runtime cloudfront-js-2.0), viewer-request event of the site's default
// behavior. Deep links of the single-page app (`/mappings/abc`) have no file behind them, so
// they are answered with `/index.html`. Only extensionless paths are rewritten: a missing
// `/assets/x.js` still reaches S3 and stays a 404, instead of a 200 with HTML that the browser
// would try to run as a script (what distribution-wide 403/404 → index.html error responses do).
// Unit-tested in infra/test/spa-fallback-function.test.ts by evaluating this very file.

// eslint-disable-next-line @typescript-eslint/no-unused-vars -- CloudFront calls `handler` by name.
function handler(event) {
  var request = event.request;
  var uri = request.uri;
  var lastSegment = uri.substring(uri.lastIndexOf('/') + 1);
  if (lastSegment.indexOf('.') === -1) {
    request.uri = '/index.html';
  }
  return request;
}
