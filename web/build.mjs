// Bundles Vigie's web page into one folder: `node build.mjs OUT_DIR`.
// Everything comes from npm packages installed by `npm ci` and from src/; the output
// is embedded in the vigie binary by crates/vigie-web/build.rs.
import * as esbuild from "esbuild";
import { mkdirSync, copyFileSync, writeFileSync, readFileSync } from "node:fs";
import { join } from "node:path";

const out = process.argv[2];
if (!out) {
  console.error("usage: node build.mjs OUT_DIR");
  process.exit(2);
}
mkdirSync(out, { recursive: true });

await esbuild.build({
  entryPoints: ["src/app.js"],
  bundle: true,
  minify: true,
  format: "iife",
  target: ["es2020"],
  outfile: join(out, "app.js"),
  legalComments: "linked",
  logLevel: "warning",
});

// One stylesheet: Leaflet's, the cluster plugin's, then ours.
await esbuild.build({
  entryPoints: ["src/app.css"],
  bundle: true,
  minify: true,
  outfile: join(out, "app.css"),
  loader: { ".png": "dataurl", ".svg": "dataurl" },
  logLevel: "warning",
});

copyFileSync("src/index.html", join(out, "index.html"));
copyFileSync("src/favicon.svg", join(out, "favicon.svg"));

// The basemap: Natural Earth 1:50m countries (public domain) from world-atlas.
copyFileSync("node_modules/world-atlas/countries-50m.json", join(out, "countries-50m.json"));

// Licences of what the bundle contains.
const notices = ["leaflet", "leaflet.markercluster", "topojson-client", "world-atlas"]
  .map((p) => {
    const pkg = JSON.parse(readFileSync(`node_modules/${p}/package.json`, "utf8"));
    let text = "";
    for (const f of ["LICENSE", "LICENSE.md", "LICENSE.txt"]) {
      try {
        text = readFileSync(`node_modules/${p}/${f}`, "utf8");
        break;
      } catch {}
    }
    return `${p} ${pkg.version} (${pkg.license})\n\n${text}`;
  })
  .join("\n\n----\n\n");
writeFileSync(join(out, "licenses.txt"), notices);
