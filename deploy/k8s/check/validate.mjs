// Validates rendered Kubernetes manifests offline: `node validate.mjs <rendered.yaml>...` prints every problem and
// exits 1 if there is one. scripts/check-manifests.sh renders the kustomizations and runs it.
//
// 1. Schema: each object against the JSON schema of its kind from kubernetes-models (the Kubernetes OpenAPI
//    schemas compiled with ajv): types, required fields, formats such as quantities.
// 2. Unknown fields: those schemas accept any extra field (like kubeconform without -strict), so a misspelt field
//    would pass them, and the API server would reject or drop it. Each object is therefore also type-checked by
//    TypeScript against kubernetes-types, whose excess-property check names every field the API does not have.
// 3. What no schema says but this project wants: probes on every container; CPU and memory requests and a memory
//    limit on every container, and no CPU limit required (a throttled silo misses membership probes, a throttled
//    gateway or Redis adds latency to every call, and the autoscaler measures CPU against the request); pinned images.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { parseAllDocuments } from "yaml";

const here = path.dirname(fileURLToPath(import.meta.url));
const failures = [];
const objects = [];
for (const file of process.argv.slice(2)) {
  const source = path.basename(file, ".yaml");
  for (const doc of parseAllDocuments(readFileSync(file, "utf8"))) {
    if (doc.errors.length > 0) {
      failures.push(`${source}: ${doc.errors[0].message}`);
      continue;
    }

    const obj = doc.toJS();
    if (obj === null) {
      continue; // an empty document
    }

    // kustomize folds a Secret value whose base64 is longer than 70 characters into lines; the API server's base64
    // decoder skips line breaks, so read the value as it will.
    if (obj.kind === "Secret" && obj.data) {
      for (const [key, value] of Object.entries(obj.data)) {
        obj.data[key] = typeof value === "string" ? value.replace(/[\r\n]/g, "") : value;
      }
    }

    const [group, version] = String(obj.apiVersion).includes("/") ? obj.apiVersion.split("/") : ["", obj.apiVersion];
    objects.push({ obj, group, version, label: `${source}: ${obj.kind}/${obj.metadata?.name}` });
  }
}

if (objects.length === 0) {
  failures.push("no objects to check");
}

// 1. Schema.
for (const { obj, group, version, label } of objects) {
  let model;
  try {
    model = (await import(`kubernetes-models/${group ? `${group}/` : ""}${version}/${obj.kind}`))[obj.kind];
  } catch {
    failures.push(`${label}: no schema for ${obj.apiVersion} ${obj.kind}`);
    continue;
  }

  try {
    new model(obj).validate();
  } catch (error) {
    failures.push(`${label}: ${error.message}`);
  }
}

// 2. Unknown fields: one TypeScript module declaring each object with its API type.
const lines = [];
const labelAtLine = [];
objects.forEach(({ obj, group, version, label }, i) => {
  const types = path.join(here, "node_modules", "kubernetes-types", group ? group.split(".")[0] : "core", version);
  const declaration = [
    `import type { ${obj.kind} as T${i} } from ${JSON.stringify(types)};`,
    `export const o${i}: T${i} = ${JSON.stringify(obj, null, 2)};`,
  ].join("\n").split("\n");
  declaration.forEach(() => labelAtLine.push(label));
  lines.push(...declaration);
});
const dir = mkdtempSync(path.join(tmpdir(), "manifests-"));
try {
  const file = path.join(dir, "objects.ts");
  writeFileSync(file, lines.join("\n"));
  const program = ts.createProgram([file], {
    strict: true,
    skipLibCheck: true,
    noEmit: true,
    types: [],
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
  });
  for (const diagnostic of ts.getPreEmitDiagnostics(program)) {
    const line = diagnostic.file?.getLineAndCharacterOfPosition(diagnostic.start ?? 0).line;
    const text = ts.flattenDiagnosticMessageText(diagnostic.messageText, " ");
    failures.push(`${labelAtLine[line] ?? "objects.ts"}: ${text}${line === undefined ? "" : ` (objects.ts line ${line + 1}: ${lines[line].trim()})`}`);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}

// 3. Project rules for every container of a workload.
for (const { obj, label } of objects) {
  const pod = obj.kind === "Pod" ? obj.spec : obj.spec?.template?.spec;
  for (const container of [...(pod?.initContainers ?? []), ...(pod?.containers ?? [])]) {
    const where = `${label}: container ${container.name}`;
    if (pod.containers.includes(container)) {
      for (const probe of ["readinessProbe", "livenessProbe"]) {
        if (!container[probe]) {
          failures.push(`${where} has no ${probe}`);
        }
      }
    }

    for (const [kind, resource] of [["requests", "cpu"], ["requests", "memory"], ["limits", "memory"]]) {
      if (!container.resources?.[kind]?.[resource]) {
        failures.push(`${where} has no resources.${kind}.${resource}`);
      }
    }

    const image = String(container.image);
    const tag = image.includes("@") ? "digest" : image.split("/").pop().split(":")[1];
    if (!tag || tag === "latest") {
      failures.push(`${where}: image ${image} must name a tag other than latest (set it with kustomize images:)`);
    }
  }
}

for (const failure of failures) {
  console.error(failure);
}

if (failures.length > 0) {
  process.exit(1);
}

console.log(`${objects.length} objects valid (schema, known fields, probes, requests and memory limits, image tags)`);
