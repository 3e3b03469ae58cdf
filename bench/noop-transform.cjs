// The jscodeshift baseline of `npm run bench:codemod`: what any real jscodeshift transform does at
// the least — parse the file with the chosen parser — and then change nothing. (A transform that
// did not even parse would measure only jscodeshift's worker plumbing, which no migration can skip.)
module.exports = function noopTransform(file, api) {
  api.jscodeshift(file.source);
  return undefined;
};
