// Renders every product model (all variants or the first) into one contact-sheet PNG, for reviewing the generator's output:
// npx tsx test/tools/model-sheet.ts <models dir> <out.png> [variant index]
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { launchBrowser } from '../helpers/browser';

const [dir = 'assets/models', out = 'test-results/models.png', variant = '0'] = process.argv.slice(2);
const root = path.resolve(import.meta.dirname, '../..');
const files = fs.readdirSync(dir).filter((f) => f.endsWith('.glb')).sort();

const page = `<!doctype html><html><body style="margin:0;background:#ddd">
<script type="importmap">{"imports":{"three":"/three/build/three.module.js","three/addons/":"/three/examples/jsm/"}}</script>
<script type="module">
import * as THREE from 'three';
import { GLTFLoader } from 'three/addons/loaders/GLTFLoader.js';
import { RoomEnvironment } from 'three/addons/environments/RoomEnvironment.js';
import { MeshoptDecoder } from 'three/addons/libs/meshopt_decoder.module.js';
const files = ${JSON.stringify(files)};
const cols = 5, cell = 300, rows = Math.ceil(files.length / cols);
const renderer = new THREE.WebGLRenderer({ antialias: true, preserveDrawingBuffer: true });
renderer.setSize(cols * cell, rows * cell);
renderer.toneMapping = THREE.NeutralToneMapping;
renderer.setScissorTest(true);
document.body.appendChild(renderer.domElement);
const env = new THREE.PMREMGenerator(renderer).fromScene(new RoomEnvironment(), 0.04).texture;
const loader = new GLTFLoader().setMeshoptDecoder(MeshoptDecoder);
for (let i = 0; i < files.length; i++) {
  const gltf = await loader.loadAsync('/models/' + files[i]);
  const scene = new THREE.Scene();
  scene.environment = env;
  scene.background = new THREE.Color('#e9e4dc');
  scene.add(new THREE.DirectionalLight('#fff', 1.5).translateX(2).translateY(4).translateZ(3));
  const v = ${Number(variant)};
  const ext = gltf.parser.json.extensions?.KHR_materials_variants;
  if (ext && v > 0) {
    const meshes = [];
    gltf.scene.traverse((o) => o.isMesh && meshes.push(o));
    for (const m of meshes) {
      const maps = m.userData.gltfExtensions?.KHR_materials_variants?.mappings ?? [];
      const hit = maps.find((x) => x.variants.includes(v));
      if (hit) m.material = await gltf.parser.getDependency('material', hit.material);
    }
  }
  scene.add(gltf.scene);
  const box = new THREE.Box3().setFromObject(gltf.scene);
  const size = box.getSize(new THREE.Vector3()), c = box.getCenter(new THREE.Vector3());
  const r = Math.max(size.x, size.y, size.z);
  const cam = new THREE.PerspectiveCamera(35, 1, 0.01, 50);
  cam.position.set(c.x + r * 1.3, c.y + r * 0.7, c.z + r * 1.9);
  cam.lookAt(c);
  const x = (i % cols) * cell, y = (rows - 1 - Math.floor(i / cols)) * cell;
  renderer.setViewport(x, y, cell, cell);
  renderer.setScissor(x, y, cell, cell);
  renderer.render(scene, cam);
}
document.title = 'done';
</script></body></html>`;

const server = http.createServer((req, res) => {
  const url = decodeURIComponent(req.url ?? '/');
  let file: string | null = null;
  if (url === '/') return res.writeHead(200, { 'content-type': 'text/html' }).end(page);
  if (url.startsWith('/three/')) file = path.join(root, 'node_modules', url);
  if (url.startsWith('/models/')) file = path.join(path.resolve(dir), url.slice(8));
  if (!file || !fs.existsSync(file)) return res.writeHead(404).end();
  res.writeHead(200, { 'content-type': file.endsWith('.js') ? 'text/javascript' : 'application/octet-stream' }).end(fs.readFileSync(file));
});
await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
const { port } = server.address() as { port: number };
const browser = await launchBrowser();
const p = await browser.newPage({ viewport: { width: 1500, height: 300 * Math.ceil(files.length / 5) } });
p.on('pageerror', (e) => console.error(e));
await p.goto(`http://127.0.0.1:${port}/`);
await p.waitForFunction(() => document.title === 'done', undefined, { timeout: 120_000 });
fs.mkdirSync(path.dirname(out), { recursive: true });
await p.screenshot({ path: out });
await browser.close();
server.close();
console.log(`wrote ${out} (${files.join(', ')})`);
