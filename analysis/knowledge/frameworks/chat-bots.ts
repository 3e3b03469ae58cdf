// Chat bots: their listeners run once per chat event (a message, a command, a button press), for every
// user of the bot at once, on the module's one tracer. What the event carries (a chat id, a channel id, a
// command's text) is the chat platform's, sent on a user's behalf: client input, and never a UUID.
import type { TSESTree } from "@typescript-eslint/types";
import { staticName, type FunctionNode } from "../../ast.js";
import { unwrap } from "../../bindings.js";
import type { FrameworkDescriptor, HandlerHookApi, RequestInputs, ValueSpecifier } from "../types.js";
import { defaultExportObject } from "./default-export-object.js";

/**
 * The Discord gateway events a user's action sends, one per message or interaction, as discord.js 14
 * names them (src/util/Events.js: `MessageCreate: 'messageCreate'`, `InteractionCreate: 'interactionCreate'`,
 * …; read with the search tool 2026-12-06), and `message`, 12's name for `messageCreate`. Not the
 * client's lifecycle (`ClientReady` is `'ready'` in 14 and `'clientReady'` in later 14.x, `ShardReady`,
 * `Error`, `Warn`, `Debug`, `CacheSweep`) nor the guild and channel events, which run once at startup for
 * each guild or for the server's own changes.
 */
const DISCORD_USER_EVENTS: Readonly<Record<string, string>> = {
  "Events.MessageCreate": "messageCreate",
  "Events.MessageUpdate": "messageUpdate",
  "Events.MessageDelete": "messageDelete",
  "Events.MessageReactionAdd": "messageReactionAdd",
  "Events.MessageReactionRemove": "messageReactionRemove",
  "Events.InteractionCreate": "interactionCreate",
};

/** The command builders of discord.js 14 (re-exported from `@discordjs/builders`, which bots also import directly). */
const COMMAND_BUILDER: ValueSpecifier = { package: ["discord.js", "@discordjs/builders"], name: ["SlashCommandBuilder", "ContextMenuCommandBuilder"] };

/**
 * A command module of the discord.js guide's layout (discordjs.guide, "Creating slash commands" and "Command
 * handling", recalled: the corpus had no page of it): `commands/ping.js` exports `data`, a `new
 * SlashCommandBuilder()…` chain, and `execute(interaction)`, which the bot's `InteractionCreate` listener calls
 * for every interaction naming the command (`interaction.client.commands.get(name).execute(interaction)`).
 * Public bots found with the search tool 2026-12-06 keep that shape (a `SlashCommand` interface of `command:
 * SlashCommandBuilder` and `execute(interaction: ChatInputCommandInteraction)`; `data: new SlashCommandBuilder()
 * … , execute` with `@discordjs/builders`). Both exports must be there, in the same module: `module.exports =
 * { data, async execute(interaction) {} }`, `export default { data, execute }`, or the named exports `data`
 * and `execute`. Another name (`run`), a `data` that is no builder of these packages, or an `execute` alone
 * (a job, a script) is not read.
 */
function discordCommandModule(api: HandlerHookApi): void {
  const named = api.namedExports();
  const data = named.find((exported) => exported.name === "data");
  const execute = named.find((exported) => exported.name === "execute");
  if (data && execute) {
    if (isCommandBuilder(api, data.value)) reportExecute(api, api.functionsOf(execute.value), execute.exportNode);
    return;
  }
  const object = defaultExportObject(api);
  if (!object?.keys.includes("data")) return;
  const entry = object.entries.find((candidate) => candidate.key === "execute");
  const dataProperty = api.objectOf(object.declaration)?.properties.find((property) => property.type === "Property" && staticName(property.key, property.computed) === "data");
  if (entry && dataProperty?.type === "Property" && isCommandBuilder(api, dataProperty.value)) reportExecute(api, entry.functions, object.statement);
}

function reportExecute(api: HandlerHookApi, functions: readonly FunctionNode[], registration: TSESTree.Node): void {
  if (functions.length > 0) api.request(functions, registration);
}

/** `new SlashCommandBuilder().setName(…)…` (through a `const` too): the chain's root is a builder of `COMMAND_BUILDER`. */
function isCommandBuilder(api: HandlerHookApi, value: TSESTree.Node): boolean {
  let current = unwrap(value);
  if (current.type === "Identifier") current = unwrap(api.valueOf(current) ?? current);
  while (current.type === "CallExpression" && current.callee.type === "MemberExpression") current = unwrap(current.callee.object);
  return current.type === "NewExpression" && api.matches(current.callee, COMMAND_BUILDER);
}

/**
 * Discord.js (discord.js 14, `Client extends EventEmitter`): `client.on(Events.MessageCreate, (message) =>
 * …)`, `client.on("interactionCreate", (interaction) => …)` run once per gateway event (the README's first
 * example and discord.js src/client/actions/InteractionCreate.js, which emits `Events.InteractionCreate`
 * with the interaction; checked with the search tool 2026-12-06). Only the per-message and per-interaction
 * events count (`DISCORD_USER_EVENTS`), written as the string or as discord.js's `Events` member: a
 * `client.on(Events.ClientReady, …)` runs once at startup, and an event named by a variable is not read.
 * `once` is not registered. What a listener receives is what Discord sent for a user (a message, an
 * interaction and its options): client input.
 */
export const discordJs = {
  id: "discord.js",
  name: "Discord.js",
  unit: "event",
  modules: ["discord.js", "@discordjs/builders"],
  objects: {
    client: {
      createdBy: [{ value: { package: "discord.js", name: "Client" }, new: true }],
      types: [{ package: "discord.js", name: "Client" }],
      methods: {
        on: {
          arguments: [1],
          when: { argument: 0, oneOf: ["message", ...Object.values(DISCORD_USER_EVENTS)], constants: { package: "discord.js", values: DISCORD_USER_EVENTS } },
        },
      },
    },
  },
  // A command module's `execute` (`discordCommandModule`), one module away from the listener that calls it.
  hook: {
    trigger: { imports: true },
    signs: { request: { exports: ["execute"], defaultExportObject: true } },
    run: discordCommandModule,
  },
  requestInputs: { holds: "input" },
} as const satisfies FrameworkDescriptor;

/**
 * A Telegram update's context as grammY and Telegraf hand it to every listener (`ctx`): what the update
 * carries is Telegram's, sent for a user (`ctx.chat`, `ctx.from`, `ctx.message`, `ctx.callbackQuery`,
 * `ctx.match` of `hears`/`command`, Telegraf's `ctx.payload` of `command`); `ctx.api`/`ctx.telegram`,
 * `ctx.session` and what a middleware set are the bot's own.
 */
const TELEGRAM_CONTEXT: RequestInputs = {
  holds: "request",
  parts: ["chat", "from", "message", "msg", "editedMessage", "callbackQuery", "inlineQuery", "update", "match", "payload", "senderChat", "channelPost"],
};

/**
 * grammY (grammy.dev/guide/context: "Whenever you register a listener on your bot object, this listener
 * will receive a context object", `bot.on("message", async (ctx) => …)`; `bot.command`, `bot.hears`,
 * `bot.callbackQuery`, `bot.use` from the plugins' quickstarts; checked with the search tool 2026-12-06):
 * `new Bot(token)`'s listeners and middleware run once per update. The first argument of `on`, `command`,
 * `hears` is a filter, a command or a trigger, not a function. A `new Composer()` takes the same listeners
 * (`Bot extends Composer`; a module's `const composer = new Composer(); composer.command(…)` given to
 * `bot.use(composer)`, as grammY's guide to structuring large bots has it, grammy.dev/advanced/structuring,
 * recalled: the search corpus had no grammY page; public bots found with the search tool 2026-12-06 do the
 * same: `export const composer = new Composer(); composer.use(…)` in SpEcHiDe/JsonBot src/handlers/app.ts,
 * shershak/rentBot src/app/middleware/logger/index.ts): its listeners run once per update of the bot that
 * uses it. A Composer of another package (middleware-io's, vk-io's) is not grammY's and is not matched.
 */
export const grammy = {
  id: "grammy",
  name: "grammY",
  unit: "update",
  modules: ["grammy"],
  objects: {
    bot: {
      createdBy: [{ value: { package: "grammy", name: ["Bot", "Composer"] }, new: true }],
      types: [{ package: "grammy", name: ["Bot", "Composer"] }],
      methods: { on: {}, command: {}, hears: {}, callbackQuery: {}, inlineQuery: {}, reaction: {}, use: {} },
    },
  },
  requestInputs: TELEGRAM_CONTEXT,
} as const satisfies FrameworkDescriptor;

/**
 * Telegraf 4 (telegraf.js.org/classes/Telegraf.html: `action(triggers, ...fns)`, `command(command,
 * ...fns)`, `hears`, `on`, `start`, `help`, `use`, each returning the bot; its Context "is created per
 * request"; checked with the search tool 2026-12-06): `new Telegraf(token)`'s middleware run once per update.
 * `Telegraf extends Composer`, and a `new Composer()` given to `bot.use(composer)` holds a module's listeners
 * (oswebex/telegraf-starter src/controller.ts builds on `Composer` from "telegraf"; found with the search tool).
 */
export const telegraf = {
  id: "telegraf",
  name: "Telegraf",
  unit: "update",
  modules: ["telegraf"],
  objects: {
    bot: {
      createdBy: [{ value: { package: "telegraf", name: ["Telegraf", "", "Composer"] }, new: true }],
      types: [{ package: "telegraf", name: ["Telegraf", "Composer"] }],
      methods: { on: {}, command: {}, hears: {}, action: {}, start: {}, help: {}, settings: {}, mention: {}, hashtag: {}, cashtag: {}, use: {} },
    },
  },
  requestInputs: TELEGRAM_CONTEXT,
} as const satisfies FrameworkDescriptor;
