// The live feed of a page: the browser connects to Paddock's SignalR hub (/hubs/live) as any integration would,
// with the page's sign-in cookie, joins the groups the page shows, and hands each message to the page's circuit.
// The hub decides who may join; the circuit only refreshes what it shows.
import { HubConnectionBuilder, HubConnectionState, LogLevel } from "@microsoft/signalr";

const feeds = new Map();

// joins: [{ method: "JoinStack", args: [projectId, stackId] }, ...]; dotnet gets OnLive(message) and OnState(state).
export async function watch(id, joins, dotnet) {
  const connection = new HubConnectionBuilder()
    .withUrl("/hubs/live")
    .withAutomaticReconnect()
    .configureLogging(LogLevel.Warning)
    .build();
  feeds.set(id, connection);
  // A block body: a handler that returns something (here a promise) makes SignalR log "Result given for 'live' method
  // but server is not expecting a result" on every message. A circuit that has gone away just misses the message.
  connection.on("live", message => {
    dotnet.invokeMethodAsync("OnLive", message).catch(() => {});
  });
  const join = async () => {
    for (const j of joins) await connection.invoke(j.method, ...j.args);
  };
  const report = state => dotnet.invokeMethodAsync("OnState", state).catch(() => {});
  connection.onreconnecting(() => report("reconnecting"));
  // Groups do not survive a new connection: join again, and let the page catch up on what it missed meanwhile.
  connection.onreconnected(async () => {
    await join();
    report("connected");
  });
  connection.onclose(() => report("disconnected"));
  try {
    await connection.start();
    await join();
    report("connected");
  } catch (e) {
    report("refused: " + (e && e.message ? e.message : e));
  }
}

export async function dispose(id) {
  const connection = feeds.get(id);
  feeds.delete(id);
  if (connection && connection.state !== HubConnectionState.Disconnected) await connection.stop();
}
