/**
 * Texts without personal data for training the name tagger's precision: code, logs, SQL, release notes,
 * product copy, song and vehicle names, headings. Companies are labelled ORGANIZATION and cities
 * LOCATION (not personal data, but the tagger learns they are not people). Written for this project;
 * test/fixtures/shield/negatives.txt (the false-positive yardstick) is never used for training.
 */
import type { Faker } from '@faker-js/faker';
import type { GenSpan } from './generate';

type Part = string | { text: string; type: string };

const pascal = (f: Faker) => {
  const n = f.number.int({ min: 1, max: 3 });
  let s = '';
  for (let i = 0; i < n; i++) {
    const w = f.hacker.noun().replace(/[^a-zA-Z]/g, '');
    s += w.charAt(0).toUpperCase() + w.slice(1);
  }
  return s || 'Widget';
};
const camel = (f: Faker) => {
  const p = pascal(f);
  return p.charAt(0).toLowerCase() + p.slice(1);
};
const snake = (f: Faker) => `${f.hacker.verb()}_${f.hacker.noun()}`.replace(/[^a-z_]/gi, '').toLowerCase();
const title = (s: string) => s.replace(/\b\p{Ll}/gu, (c) => c.toUpperCase());

// Software, services and products people write about at work; several are also given names or
// surnames, which is the point: the tagger must learn that "the Jenkins job" is not a person.
const TOOLS = `Jenkins Grafana Kibana Prometheus Thanos Loki Tempo Jaeger Zipkin Envoy Istio Linkerd Consul Vault Nomad
Terraform Packer Vagrant Docker Podman Kubernetes Helm ArgoCD Flux Tekton Spinnaker Travis CircleCI Bamboo TeamCity
Gradle Maven Bazel Webpack Vite Rollup Parcel Babel ESLint Prettier Jest Mocha Karma Jasmine Cypress Selenium
Playwright Puppeteer Storybook Sentry Datadog Splunk PagerDuty Opsgenie Jira Confluence Trello Asana Notion Figma
Sketch Heroku Netlify Vercel Cloudflare Fastly Akamai Nginx Apache Caddy Traefik HAProxy Varnish Memcached RabbitMQ
Kafka Pulsar Cassandra ScyllaDB CockroachDB MongoDB CouchDB Neo4j Redis Postgres MySQL MariaDB Oracle Elasticsearch
Logstash Fluentd Hadoop Spark Hive Airflow Dagster Luigi Celery Sidekiq Hugo Jekyll Gatsby Hexo Ghost WordPress
Drupal Joomla Magento Shopify Stripe Twilio SendGrid Mailgun Okta Auth0 Keycloak Cognito Firebase Supabase Hasura
Prisma Sequelize Hibernate Doctrine Laravel Symfony Django Flask Rails Sinatra Express Koa Fastify NestJS Nuxt Remix
Svelte Angular Ember Backbone Polymer Electron Tauri Flutter Xamarin Ionic Cordova Unity Unreal Godot Blender Maya
Houdini Photoshop Lightroom Excel Outlook Zoom Skype Slack Discord Mattermost Gitea Bitbucket Gerrit Copilot Gemini
Llama Mistral Falcon Alpaca Vicuna Whisper Siri Alexa Cortana Ansible Chef Puppet Salt Nagios Zabbix Icinga Rancher
OpenShift Tanzu Mesos Marathon Aurora Athena Redshift Snowflake BigQuery Looker Tableau Metabase Superset Redash`
  .split(/\s+/)
  .filter(Boolean);
const tool = (f: Faker) => f.helpers.arrayElement(TOOLS);

const MAKERS: Array<(f: Faker) => Part[]> = [
  (f) => [`We moved the ${tool(f)} pipeline to ${tool(f)} last ${f.date.weekday()}.`],
  (f) => [`${tool(f)} dashboard shows ${f.number.int(100)}% ${f.hacker.noun()} usage; ${tool(f)} alerts are muted.`],
  (f) => [`Restart ${tool(f)} on ${f.internet.domainWord()}-${f.number.int(9)} after upgrading ${tool(f)} to ${f.system.semver()}.`],
  (f) => [`Does ${tool(f)} support ${tool(f)}? I tried ${tool(f)} but it failed with ${pascal(f)}Error.`],
  (f) => [`${tool(f)}, ${tool(f)} and ${tool(f)} are in our stack. Ask in #${f.hacker.noun().replace(/\W/g, '')} if ${tool(f)} is down.`],
  (f) => [`const ${camel(f)} = await ${camel(f)}.${f.hacker.verb()}${pascal(f)}({ ${camel(f)}: ${f.number.int(999)} });`],
  (f) => [`export class ${pascal(f)}Service extends ${pascal(f)}Base implements ${pascal(f)} {\n  private readonly ${camel(f)}: ${pascal(f)};\n}`],
  (f) => [`import { ${pascal(f)}, ${pascal(f)} } from '@${f.hacker.noun().replace(/\W/g, '')}/${f.hacker.noun().replace(/\W/g, '')}';`],
  (f) => [`def ${snake(f)}(self, ${snake(f)}=None):\n    return ${pascal(f)}(${snake(f)})`],
  (f) => [`SELECT ${camel(f)}, ${camel(f)} FROM ${pascal(f)} WHERE ${camel(f)} = '${f.hacker.adjective()}' ORDER BY ${camel(f)} DESC LIMIT ${f.number.int(500)};`],
  (f) => [`throw new ${pascal(f)}Error("${title(f.hacker.phrase())}");`],
  (f) => [`${f.date.recent().toISOString()} INFO ${pascal(f)}Controller - ${f.hacker.phrase()} (${f.number.int(900)} ms)`],
  (f) => [`[${f.helpers.arrayElement(['WARN', 'ERROR', 'DEBUG'])}] ${pascal(f)}: request ${f.string.uuid()} failed: ${title(f.hacker.phrase())}`],
  (f) => [`## ${title(f.company.buzzPhrase())}\n\n- ${title(f.hacker.phrase())}\n- Fixed ${pascal(f)} on ${f.helpers.arrayElement(['Windows', 'macOS', 'Linux', 'Android', 'iOS'])}`],
  (f) => [f.commerce.productDescription()],
  (f) => [`The ${f.commerce.productName()} from `, { text: f.company.name(), type: 'ORGANIZATION' }, ` costs ${f.commerce.price()} and ships ${f.date.weekday()}.`],
  (f) => [`${title(f.company.catchPhrase())}. ${title(f.company.buzzPhrase())}.`],
  (f) => [`Now playing: "${f.music.songName()}" (${f.music.genre()}) on ${f.helpers.arrayElement(['Spotify', 'Tidal', 'Deezer', 'YouTube Music'])}`],
  (f) => [`We rented a ${f.vehicle.vehicle()} (${f.vehicle.color()}) for the trip to `, { text: f.location.city(), type: 'LOCATION' }, `.`],
  (f) => [`Join the ${title(f.hacker.adjective())} ${title(f.hacker.noun())} Summit ${f.number.int({ min: 2019, max: 2028 })} in `, { text: f.location.city(), type: 'LOCATION' }, ` this ${f.date.month()}.`],
  (f) => [`${f.science.chemicalElement().name} and ${f.science.chemicalElement().name} react at ${f.number.int(900)} K; see ${pascal(f)} et al. table ${f.number.int(20)}.`],
  (f) => [`Q${f.number.int({ min: 1, max: 4 })} revenue at `, { text: f.company.name(), type: 'ORGANIZATION' }, ` grew ${f.number.int(40)}% in the ${f.commerce.department()} segment.`],
  (f) => [`${f.animal.type()} facts: the ${title(f.animal.dog())} and the ${title(f.animal.cat())} are popular in `, { text: f.location.country(), type: 'LOCATION' }, `.`],
  (f) => [`Order ${f.string.alphanumeric(8).toUpperCase()} – ${f.commerce.productName()} ×${f.number.int({ min: 1, max: 5 })}, status: ${f.helpers.arrayElement(['Shipped', 'Pending', 'Delivered'])}`],
  (f) => [`Set ${f.database.column()} to ${f.database.type()} (${f.database.engine()}), collation ${f.database.collation()}.`],
];

export function negativeSample(f: Faker): { text: string; spans: GenSpan[] } {
  const n = f.number.int({ min: 1, max: 3 });
  let text = '';
  const spans: GenSpan[] = [];
  for (let i = 0; i < n; i++) {
    if (i) text += f.helpers.arrayElement(['\n', ' ', '\n\n']);
    for (const part of f.helpers.arrayElement(MAKERS)(f)) {
      if (typeof part === 'string') text += part;
      else {
        spans.push({ entity_type: part.type, entity_value: part.text, start_position: text.length, end_position: text.length + part.text.length });
        text += part.text;
      }
    }
  }
  return { text, spans };
}
