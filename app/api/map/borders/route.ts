// The map's country shapes as GeoJSON, computed once at build time from world-atlas and served
// as a static file: the browser never downloads the world's TopoJSON or a decoder for it.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { borderFeatures } from "@/server/geo/borders";

export const dynamic = "force-static";

export async function GET() {
  const file = path.join(process.cwd(), "node_modules", "world-atlas", "countries-50m.json");
  const borders = borderFeatures(JSON.parse(await readFile(file, "utf8")));
  return Response.json(borders, { headers: { "Cache-Control": "public, max-age=86400" } });
}
