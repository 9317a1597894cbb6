/**
 * A structural validator for SDMX-JSON 2.0.0 data messages: the members the
 * specification requires, their types, and that every index (structure,
 * series key, observation key, attribute value) points at something. Used by
 * the tests; returns the problems found, empty when the message is valid.
 */
export function validateSdmxJsonData(message: unknown): string[] {
  const problems: string[] = [];
  const fail = (path: string, what: string) => problems.push(`${path}: ${what}`);
  const isObject = (v: unknown): v is Record<string, unknown> =>
    typeof v === 'object' && v !== null && !Array.isArray(v);
  const isIndex = (v: unknown, length: number) => Number.isInteger(v) && (v as number) >= 0 && (v as number) < length;
  const str = (o: Record<string, unknown>, key: string, path: string) => {
    if (typeof o[key] !== 'string' || (o[key] as string).length === 0)
      fail(`${path}.${key}`, 'must be a non-empty string');
  };
  const arr = (o: Record<string, unknown>, key: string, path: string): unknown[] => {
    if (!Array.isArray(o[key])) {
      fail(`${path}.${key}`, 'must be an array');
      return [];
    }
    return o[key] as unknown[];
  };

  if (!isObject(message)) return ['$: must be an object'];
  const { meta, data } = message;
  if (!isObject(meta)) fail('$.meta', 'must be an object');
  else {
    str(meta, 'id', '$.meta');
    str(meta, 'schema', '$.meta');
    if (typeof meta.test !== 'boolean') fail('$.meta.test', 'must be a boolean');
    if (typeof meta.prepared !== 'string' || Number.isNaN(Date.parse(meta.prepared)))
      fail('$.meta.prepared', 'must be a date-time');
    if (!arr(meta, 'contentLanguages', '$.meta').every((l) => typeof l === 'string'))
      fail('$.meta.contentLanguages', 'must hold strings');
    if (!isObject(meta.sender)) fail('$.meta.sender', 'must be an object');
    else str(meta.sender, 'id', '$.meta.sender');
  }
  if (!isObject(data)) return [...problems, '$.data: must be an object'];
  const structures = arr(data, 'structures', '$.data');
  const dataSets = arr(data, 'dataSets', '$.data');
  if (structures.length === 0) fail('$.data.structures', 'must not be empty');

  interface Shape {
    seriesValues: number[];
    observationValues: number[];
    measures: number;
    attributeValues: number[];
    attributeIds: string[];
  }
  const shapes: Shape[] = [];
  structures.forEach((structure, s) => {
    const path = `$.data.structures[${s}]`;
    const shape: Shape = {
      seriesValues: [],
      observationValues: [],
      measures: 0,
      attributeValues: [],
      attributeIds: [],
    };
    shapes.push(shape);
    if (!isObject(structure)) {
      fail(path, 'must be an object');
      return;
    }
    str(structure, 'name', path);
    for (const link of arr(structure, 'links', path))
      if (!isObject(link) || typeof link.urn !== 'string') fail(`${path}.links`, 'entries need a urn');
    const dimensions = structure.dimensions;
    if (!isObject(dimensions)) {
      fail(`${path}.dimensions`, 'must be an object');
      return;
    }
    const positions: number[] = [];
    for (const level of ['dataSet', 'series', 'observation'] as const) {
      arr(dimensions, level, `${path}.dimensions`).forEach((dimension, d) => {
        const dpath = `${path}.dimensions.${level}[${d}]`;
        if (!isObject(dimension)) {
          fail(dpath, 'must be an object');
          return;
        }
        str(dimension, 'id', dpath);
        str(dimension, 'name', dpath);
        if (!Number.isInteger(dimension.keyPosition)) fail(`${dpath}.keyPosition`, 'must be an integer');
        else positions.push(dimension.keyPosition as number);
        const values = arr(dimension, 'values', dpath);
        values.forEach((value, v) => {
          if (!isObject(value)) {
            fail(`${dpath}.values[${v}]`, 'must be an object');
            return;
          }
          str(value, 'id', `${dpath}.values[${v}]`);
          str(value, 'name', `${dpath}.values[${v}]`);
        });
        if (level === 'series') shape.seriesValues.push(values.length);
        if (level === 'observation') shape.observationValues.push(values.length);
      });
    }
    const sorted = [...positions].sort((a, b) => a - b);
    if (!sorted.every((p, i) => p === i)) fail(`${path}.dimensions`, 'keyPositions must be 0…n−1, each once');
    const measures = structure.measures;
    if (!isObject(measures)) fail(`${path}.measures`, 'must be an object');
    else {
      const list = arr(measures, 'observation', `${path}.measures`);
      list.forEach((m, i) => {
        if (!isObject(m)) {
          fail(`${path}.measures.observation[${i}]`, 'must be an object');
          return;
        }
        str(m, 'id', `${path}.measures.observation[${i}]`);
      });
      shape.measures = list.length;
      if (list.length === 0) fail(`${path}.measures.observation`, 'must not be empty');
    }
    const attributes = structure.attributes;
    if (!isObject(attributes)) {
      fail(`${path}.attributes`, 'must be an object');
      return;
    }
    for (const level of ['dataSet', 'dimensionGroup', 'series', 'observation'] as const) {
      arr(attributes, level, `${path}.attributes`).forEach((attribute, a) => {
        const apath = `${path}.attributes.${level}[${a}]`;
        if (!isObject(attribute)) {
          fail(apath, 'must be an object');
          return;
        }
        str(attribute, 'id', apath);
        str(attribute, 'name', apath);
        if (!isObject(attribute.relationship)) fail(`${apath}.relationship`, 'must be an object');
        const values = arr(attribute, 'values', apath);
        if (level === 'observation') {
          shape.attributeValues.push(values.length);
          shape.attributeIds.push(String(attribute.id));
        }
      });
    }
    for (const index of arr(structure, 'dataSets', path))
      if (!isIndex(index, dataSets.length)) fail(`${path}.dataSets`, 'must index data.dataSets');
  });

  dataSets.forEach((dataSet, i) => {
    const path = `$.data.dataSets[${i}]`;
    if (!isObject(dataSet)) {
      fail(path, 'must be an object');
      return;
    }
    if (!isIndex(dataSet.structure, structures.length)) {
      fail(`${path}.structure`, 'must index data.structures');
      return;
    }
    if (!['Information', 'Append', 'Replace', 'Delete'].includes(String(dataSet.action)))
      fail(`${path}.action`, 'must be an SDMX action');
    const shape = shapes[dataSet.structure as number] as Shape;
    if (!isObject(dataSet.series)) {
      fail(`${path}.series`, 'must be an object');
      return;
    }
    const confStatus = shape.attributeIds.indexOf('CONF_STATUS');
    if (confStatus < 0) fail(path, 'the structure declares no CONF_STATUS observation attribute');
    for (const [key, series] of Object.entries(dataSet.series)) {
      const spath = `${path}.series["${key}"]`;
      const parts = key.split(':');
      if (!/^\d+(:\d+)*$/.test(key) || parts.length !== shape.seriesValues.length) {
        fail(spath, 'key must hold one index per series dimension');
        continue;
      }
      parts.forEach((part, d) => {
        if (!isIndex(Number(part), shape.seriesValues[d] as number)) fail(spath, `index ${d} out of range`);
      });
      if (!isObject(series) || !isObject(series.observations)) {
        fail(`${spath}.observations`, 'must be an object');
        continue;
      }
      for (const [obsKey, observation] of Object.entries(series.observations)) {
        const opath = `${spath}.observations["${obsKey}"]`;
        const obsParts = obsKey.split(':');
        if (
          obsParts.length !== shape.observationValues.length ||
          !obsParts.every((p, d) => isIndex(Number(p), shape.observationValues[d] as number))
        ) {
          fail(opath, 'key must index the observation dimensions');
        }
        if (!Array.isArray(observation) || observation.length !== shape.measures + shape.attributeValues.length) {
          fail(opath, 'must be [measures…, attribute indices…]');
          continue;
        }
        observation.slice(0, shape.measures).forEach((v, m) => {
          if (v !== null && typeof v !== 'number') fail(`${opath}[${m}]`, 'a measure is a number or null');
        });
        observation.slice(shape.measures).forEach((v, a) => {
          if (v !== null && !isIndex(v, shape.attributeValues[a] as number))
            fail(`${opath}[${shape.measures + a}]`, 'must index the attribute values');
        });
      }
    }
  });
  return problems;
}
