import { badUserInput } from '@amparo/kit';
import { codeList } from '../codes/codeList.js';
import { DIMENSIONS } from '../codes/dimensions.js';
import { LABEL_LANGUAGES, type LabelLanguage } from '../codes/labels.js';
import { laplaceIntervalHalfWidth } from '../disclosure/laplaceInterval.js';
import type { ReleasePolicy } from '../disclosure/releasePolicy.js';
import { MEASURES } from '../measures/measures.js';
import { PUBLISHED_TABLES } from '../measures/publishedTables.js';
import { dataflowOf } from '../sdmx/dataflow.js';
import { DIMENSION_DEFINITIONS } from './dimensionDefinitions.js';
import { disclosureControlText } from './disclosureControlText.js';
import { MEASURE_DEFINITIONS } from './measureDefinitions.js';

const isLabelLanguage = (language: string): language is LabelLanguage =>
  (LABEL_LANGUAGES as readonly string[]).includes(language);

/**
 * What a government developer needs before the first query, in one
 * language: every measure (definition, unit, published tables, SDMX dataflow
 * and key order), every dimension with its codes, the age bands, and the
 * disclosure-control method in plain words with the current parameters.
 */
export function statisticsMetadata(language: string, policy: ReleasePolicy) {
  if (!isLabelLanguage(language)) throw badUserInput('language', `must be one of ${LABEL_LANGUAGES.join(', ')}`);
  return {
    language,
    measures: MEASURES.map((measure) => {
      const definition = MEASURE_DEFINITIONS[measure];
      const flow = dataflowOf(measure);
      return {
        measure,
        name: definition.name[language],
        definition: definition.definition[language],
        unit: definition.unit[language],
        tables: PUBLISHED_TABLES[measure],
        dataflow: flow.ref,
        sdmxKeyOrder: flow.keyDimensions,
      };
    }),
    dimensions: DIMENSIONS.map((dimension) => ({
      dimension,
      name: DIMENSION_DEFINITIONS[dimension].name[language],
      definition: DIMENSION_DEFINITIONS[dimension].definition[language],
      codes: codeList(dimension, language),
    })),
    ageGroups: codeList('AGE_GROUP', language).filter((c) => c.code !== '_T'),
    disclosureControl: disclosureControlText(policy, language),
    currentPolicy: {
      noiseDistribution: 'DISCRETE_LAPLACE',
      noiseScale: policy.scale.numerator / policy.scale.denominator,
      epsilonPerCell: policy.scale.denominator / policy.scale.numerator,
      threshold: policy.threshold,
      contributionCap: policy.contributionCap,
      confidenceLevel: policy.confidenceLevel,
      intervalHalfWidth: laplaceIntervalHalfWidth(policy.scale, policy.confidenceLevel),
    },
    sdmxDataUrl: '/stats/sdmx/data/{dataflow}/{key}?startPeriod=&endPeriod=&asOf=',
    sdmxCsvUrl: '/stats/csv/data/{dataflow}/{key}?startPeriod=&endPeriod=&asOf=',
  };
}
