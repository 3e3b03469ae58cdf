// Chat bots: their listeners run once per chat event (a message, a command, a button press), for every
// user of the bot at once, on the module's one tracer. What the event carries (a chat id, a channel id, a
// command's text) is the chat platform's, sent on a user's behalf: client input, and never a UUID.
import type { FrameworkDescriptor, RequestInputs } from "../types.js";

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
  name: "Discord.js listener",
  modules: ["discord.js"],
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
 * `hears` is a filter, a command or a trigger, not a function.
 */
export const grammy = {
  id: "grammy",
  name: "grammY listener",
  modules: ["grammy"],
  objects: {
    bot: {
      createdBy: [{ value: { package: "grammy", name: "Bot" }, new: true }],
      types: [{ package: "grammy", name: "Bot" }],
      methods: { on: {}, command: {}, hears: {}, callbackQuery: {}, inlineQuery: {}, reaction: {}, use: {} },
    },
  },
  requestInputs: TELEGRAM_CONTEXT,
} as const satisfies FrameworkDescriptor;

/**
 * Telegraf 4 (telegraf.js.org/classes/Telegraf.html: `action(triggers, ...fns)`, `command(command,
 * ...fns)`, `hears`, `on`, `start`, `help`, `use`, each returning the bot; its Context "is created per
 * request"; checked with the search tool 2026-12-06): `new Telegraf(token)`'s middleware run once per update.
 */
export const telegraf = {
  id: "telegraf",
  name: "Telegraf listener",
  modules: ["telegraf"],
  objects: {
    bot: {
      createdBy: [{ value: { package: "telegraf", name: ["Telegraf", ""] }, new: true }],
      types: [{ package: "telegraf", name: "Telegraf" }],
      methods: { on: {}, command: {}, hears: {}, action: {}, start: {}, help: {}, settings: {}, mention: {}, hashtag: {}, cashtag: {}, use: {} },
    },
  },
  requestInputs: TELEGRAM_CONTEXT,
} as const satisfies FrameworkDescriptor;
