// Contract tests of the nextcommerce spec: its generated client against Prism (see support/suite.ts for what is asserted).
import { loadContractSpec } from "./support/document.js";
import { defineContractSuite, prepareContract } from "./support/suite.js";

const spec = await loadContractSpec("nextcommerce");
defineContractSuite(spec, await prepareContract(spec));
