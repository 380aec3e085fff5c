// Contract tests of the payments spec: its generated client against Prism (see support/suite.ts for what is asserted).
import { loadContractSpec } from "./support/document.js";
import { defineContractSuite, prepareContract } from "./support/suite.js";

const spec = await loadContractSpec("payments");
defineContractSuite(spec, await prepareContract(spec));
