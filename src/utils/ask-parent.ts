/**
 * Asks the process that started this one a question over the IPC channel and waits for one of
 * the answers it may give. The listener is there before the question goes out, so the answer
 * cannot come unheard; once it has come, no listener is left to keep the channel, and the
 * process, alive. A channel closed meanwhile (the process that would answer is gone) gives null.
 */
export function askParent<A extends string>(question: string, answers: readonly A[]): Promise<A | null> {
  return new Promise((resolve) => {
    if (!process.send || !process.connected) return resolve(null);
    const done = (answer: A | null) => {
      process.off('message', onMessage);
      process.off('disconnect', onDisconnect);
      resolve(answer);
    };
    const onMessage = (message: unknown) => {
      if ((answers as readonly unknown[]).includes(message)) done(message as A);
    };
    const onDisconnect = () => done(null);
    process.on('message', onMessage);
    process.on('disconnect', onDisconnect);
    process.send(question);
  });
}
