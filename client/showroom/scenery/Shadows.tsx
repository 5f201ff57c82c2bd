// Soft contact shadows under everything on the platforms: the scene is drawn once from below into a blurred
// depth texture (after all products load), then shown on one plane. Same technique as drei's ContactShadows, which
// draws its blur quad at the world origin and so shows nothing when the plane sits above y = 0.
import { useFrame, useThree } from '@react-three/fiber';
import { useEffect, useMemo, useRef } from 'react';
import { Color, DoubleSide, type Group, Mesh, MeshDepthMaterial, OrthographicCamera, PlaneGeometry, ShaderMaterial, WebGLRenderTarget } from 'three';
import { HorizontalBlurShader } from 'three/examples/jsm/shaders/HorizontalBlurShader.js';
import { VerticalBlurShader } from 'three/examples/jsm/shaders/VerticalBlurShader.js';
import { PLATFORM_HEIGHT, type ShowroomLayout } from '../layout';
import { useShowroom } from '../store';

const RESOLUTION = 2048;
/** Height above the plane that still casts, metres. */
const REACH = 1.4;
/** Blur radius on the floor, metres. */
const BLUR = 0.012;

export function Shadows({ layout }: { layout: ShowroomLayout }) {
  const done = useShowroom((s) => s.loading.total > 0 && s.loading.loaded >= s.loading.total);
  const gl = useThree((s) => s.gl);
  const scene = useThree((s) => s.scene);
  const group = useRef<Group>(null);
  const pending = useRef(true);
  // One square plane over the whole room, so the blur (in texture space) is the same along x and z.
  const size = Math.max(layout.width, layout.maxZ - layout.minZ);
  const r = useMemo(() => {
    const target = new WebGLRenderTarget(RESOLUTION, RESOLUTION);
    const temp = new WebGLRenderTarget(RESOLUTION, RESOLUTION);
    target.texture.generateMipmaps = temp.texture.generateMipmaps = false;
    const plane = new PlaneGeometry(size, size).rotateX(-Math.PI / 2);
    const camera = new OrthographicCamera(-size / 2, size / 2, size / 2, -size / 2, 0, REACH);
    camera.rotation.x = Math.PI / 2; // look up from the plane
    const depth = new MeshDepthMaterial();
    depth.depthTest = depth.depthWrite = false;
    depth.onBeforeCompile = (shader) => {
      shader.uniforms.ucolor = { value: new Color('#2e261e') };
      shader.fragmentShader = shader.fragmentShader
        .replace('void main() {', 'uniform vec3 ucolor;\nvoid main() {')
        // Darker the closer to the floor; colour the shadow.
        .replace('vec4( vec3( 1.0 - fragCoordZ ), opacity );', 'vec4( ucolor, ( 1.0 - fragCoordZ ) );');
    };
    const hBlur = new ShaderMaterial(HorizontalBlurShader);
    const vBlur = new ShaderMaterial(VerticalBlurShader);
    hBlur.depthTest = vBlur.depthTest = false;
    // Seen from below by the camera, so both sides; mirrored in z like the shown plane so texels line up with the camera's view.
    hBlur.side = vBlur.side = DoubleSide;
    const blurQuad = new Mesh(plane);
    blurQuad.position.y = 0.01;
    blurQuad.scale.z = -1;
    blurQuad.visible = false;
    return { target, temp, plane, camera, depth, hBlur, vBlur, blurQuad };
  }, [size]);
  useEffect(
    () => () => {
      for (const x of [r.target, r.temp, r.plane, r.depth, r.hBlur, r.vBlur]) x.dispose();
    },
    [r],
  );
  useEffect(() => {
    pending.current = true;
  }, [done]);

  const blur = (amount: number) => {
    r.blurQuad.visible = true;
    r.blurQuad.material = r.hBlur;
    r.hBlur.uniforms.tDiffuse!.value = r.target.texture;
    r.hBlur.uniforms.h!.value = amount;
    gl.setRenderTarget(r.temp);
    gl.render(r.blurQuad, r.camera);
    r.blurQuad.material = r.vBlur;
    r.vBlur.uniforms.tDiffuse!.value = r.temp.texture;
    r.vBlur.uniforms.v!.value = amount;
    gl.setRenderTarget(r.target);
    gl.render(r.blurQuad, r.camera);
    r.blurQuad.visible = false;
  };

  useFrame(() => {
    const g = group.current;
    if (!pending.current || !g) return;
    pending.current = false;
    const background = scene.background;
    const override = scene.overrideMaterial;
    g.visible = false;
    scene.background = null;
    scene.overrideMaterial = r.depth;
    gl.setRenderTarget(r.target);
    gl.clear();
    gl.render(scene, r.camera);
    scene.overrideMaterial = override;
    scene.background = background;
    const uv = BLUR / size;
    blur(uv);
    blur(uv * 0.4);
    gl.setRenderTarget(null);
    g.visible = true;
  });

  return (
    <group ref={group} name="contact-shadows" position={[0, PLATFORM_HEIGHT + 0.002, (layout.maxZ + layout.minZ) / 2]}>
      <primitive object={r.camera} />
      <primitive object={r.blurQuad} />
      <mesh geometry={r.plane} scale={[1, 1, -1]} renderOrder={1}>
        <meshBasicMaterial map={r.target.texture} transparent opacity={0.65} depthWrite={false} />
      </mesh>
    </group>
  );
}
