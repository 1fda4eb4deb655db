// Task helpers the e2e clients share, on the TS SDK's client.experimental.tasks.
import { CallToolResultSchema } from '@modelcontextprotocol/sdk/types.js';

/** The first text content of a tool result. */
export const textOf = result => result?.content?.find(c => c.type === 'text')?.text;

/** Runs a tool as a task with callToolStream (tools/call + task, tasks/get polling, tasks/result): {taskId, result}. */
export async function streamTask(tasks, name, args, ttl) {
  let taskId;
  let result;
  for await (const message of tasks.callToolStream({ name, arguments: args }, CallToolResultSchema, { task: { ttl } })) {
    if (message.type === 'taskCreated') {
      taskId = message.task.taskId;
    } else if (message.type === 'result') {
      result = message.result;
    } else if (message.type === 'error') {
      throw message.error;
    }
  }
  if (!taskId || !result) {
    throw new Error(`${name}: no task created or no result`);
  }
  return { taskId, result };
}

/** Every task tasks/list shows, following its cursors. */
export async function listAllTasks(tasks) {
  const listed = [];
  let cursor;
  do {
    const page = await tasks.listTasks(cursor);
    listed.push(...page.tasks);
    cursor = page.nextCursor;
  } while (cursor);
  return listed;
}
